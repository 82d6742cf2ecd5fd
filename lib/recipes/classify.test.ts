import { describe, expect, it } from "vitest";
import { classifyChildren, isRecipeNode, parseCuratorInstance } from "./classify";

const uuid = (n: number) => `0000000${n}-aaaa-bbbb-cccc-dddddddddddd`;

describe("classifyChildren", () => {
  it("a Curator mutex: the lowest sequence holds, the rest wait in order", () => {
    const g = classifyChildren("/locks/orders", [`_c_${uuid(2)}-lock-0000000007`, `_c_${uuid(1)}-lock-0000000003`, `_c_${uuid(3)}-lock-0000000011`]);
    expect(g?.kind).toBe("lock");
    expect(g?.flavour).toBe("Curator InterProcessMutex");
    expect(g?.holders.map((h) => h.sequence)).toEqual([3]);
    expect(g?.holders[0].curatorId).toBe(uuid(1));
    expect(g?.waiters.map((w) => w.sequence)).toEqual([7, 11]);
  });

  it("plain lock- sequentials, leader latches and n_ elections", () => {
    expect(classifyChildren("/l", ["lock-0000000002", "lock-0000000001"])).toMatchObject({ kind: "lock", holders: [{ name: "lock-0000000001" }] });
    expect(classifyChildren("/latch", [`_c_${uuid(1)}-latch-0000000004`, `_c_${uuid(2)}-latch-0000000002`])).toMatchObject({ kind: "leader-latch", holders: [{ sequence: 2 }] });
    expect(classifyChildren("/election", ["n_0000000005", "n_0000000009"])).toMatchObject({ kind: "election", holders: [{ name: "n_0000000005" }], waiters: [{ name: "n_0000000009" }] });
  });

  it("a read/write lock: readers share until the first writer", () => {
    const g = classifyChildren("/rw", [`_c_${uuid(1)}-__READ__0000000001`, `_c_${uuid(2)}-__READ__0000000002`, `_c_${uuid(3)}-__WRIT__0000000003`]);
    expect(g?.holders.map((h) => h.sequence)).toEqual([1, 2]);
    expect(g?.waiters.map((h) => h.sequence)).toEqual([3]);
    const w = classifyChildren("/rw", [`_c_${uuid(3)}-__WRIT__0000000001`, `_c_${uuid(1)}-__READ__0000000002`]);
    expect(w?.holders.map((h) => h.sequence)).toEqual([1]);
  });

  it("ordinary children are no recipe", () => {
    expect(classifyChildren("/app", ["config", "db", "lock"])).toBeNull();
    expect(classifyChildren("/empty", [])).toBeNull();
    expect(isRecipeNode("lock-0000000001")).toBe(true);
    expect(isRecipeNode("config")).toBe(false);
  });
});

describe("parseCuratorInstance", () => {
  it("reads Curator service discovery JSON and refuses other data", () => {
    const json = JSON.stringify({ name: "orders", id: "i-1", address: "10.0.0.5", port: 8080, sslPort: null, payload: { zone: "a" }, registrationTimeUTC: 1700000000000, serviceType: "DYNAMIC", uriSpec: null });
    expect(parseCuratorInstance(json)).toEqual({ name: "orders", address: "10.0.0.5", port: 8080, sslPort: null, registrationTimeUTC: 1700000000000, serviceType: "DYNAMIC", payload: { zone: "a" } });
    expect(parseCuratorInstance('{"host":"x"}')).toBeNull();
    expect(parseCuratorInstance("not json")).toBeNull();
  });
});
