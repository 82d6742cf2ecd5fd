// The invalidation bus and the caches on it: a change is delivered to every listener, again after
// its transaction ends, to the relay other instances listen on, and a value loaded while its key
// was invalidated is never kept.
import { describe, expect, it } from "vitest";
import { afterCommit, deliverRemote, invalidate, onInvalidate, relayInvalidations, type Invalidation } from "./invalidation";
import { KeyedCache } from "./keyed-cache";

const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe("the invalidation bus", () => {
  it("delivers to the listeners of that kind and to the relay; a remote change is not relayed back", () => {
    const heard: (string | null)[] = [];
    const relayed: Invalidation[] = [];
    const off = onInvalidate("setting", (id) => heard.push(id));
    const stop = relayInvalidations((c) => relayed.push(c));
    invalidate("setting", "defaultRole");
    invalidate("cluster", "c1");
    deliverRemote({ kind: "setting", id: null });
    off();
    stop();
    invalidate("setting", "after");
    expect(heard).toEqual(["defaultRole", null]);
    expect(relayed).toEqual([{ kind: "setting", id: "defaultRole" }, { kind: "cluster", id: "c1" }]);
  });

  it("inside a transaction: delivered locally at once, and again (and relayed) once it ended", async () => {
    const heard: string[] = [];
    const relayed: Invalidation[] = [];
    const off = onInvalidate("user", (id) => heard.push(`local ${id}`));
    const stop = relayInvalidations((c) => relayed.push(c));
    const result = await afterCommit(async () => {
      invalidate("user", "u1");
      invalidate("user", "u1");
      await new Promise((r) => setTimeout(r, 5));
      expect(relayed).toEqual([]);
      return "done";
    });
    expect(result).toBe("done");
    expect(heard).toEqual(["local u1", "local u1", "local u1"]);
    expect(relayed).toEqual([{ kind: "user", id: "u1" }]);
    await expect(afterCommit(async () => {
      invalidate("user", "u2");
      throw new Error("rolled back");
    })).rejects.toThrow("rolled back");
    expect(relayed).toContainEqual({ kind: "user", id: "u2" });
    off();
    stop();
  });
});

describe("KeyedCache", () => {
  it("loads once for concurrent misses, then serves from memory until invalidated", async () => {
    const cache = new KeyedCache<string, number>(10).dropOn(["grant"], () => null);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get("a", load), cache.get("a", load)])).toEqual([1, 1]);
    expect(await cache.get("a", load)).toBe(1);
    invalidate("grant", "anything");
    expect(await cache.get("a", load)).toBe(2);
  });

  it("never keeps a value whose load ran while its key was invalidated", async () => {
    const cache = new KeyedCache<string, string>(10).dropOn(["token"]);
    const slow = deferred<string>();
    const stale = cache.get("t1", () => slow.promise);
    invalidate("token", "t1");
    slow.resolve("read before the change");
    expect(await stale).toBe("read before the change");
    expect(await cache.get("t1", async () => "read after the change")).toBe("read after the change");
  });

  it("does not keep failed loads, and stays within its size", async () => {
    const cache = new KeyedCache<number, number>(3);
    await expect(cache.get(0, async () => { throw new Error("no such row"); })).rejects.toThrow("no such row");
    expect(await cache.get(0, async () => 0)).toBe(0);
    for (let i = 1; i <= 5; i++) await cache.get(i, async (k) => k);
    expect(cache.size).toBe(3);
    expect(cache.peek(1)).toBeUndefined();
    expect(cache.peek(5)).toBe(5);
  });
});
