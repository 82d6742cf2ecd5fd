// The catch-up a resuming stream gets: replay only where the ring has every event it missed.
import { describe, expect, it } from "vitest";
import type { RawStat } from "@/lib/core/zk/client";
import { catchUpEvents } from "./catch-up";
import type { LiveEvent } from "./events";

const raw = { czxid: 1, mzxid: 9, pzxid: 3, ctime: 0, mtime: 0, version: 4, cversion: 1, aversion: 0, ephemeralOwner: "0", dataLength: 2, numChildren: 1 } as RawStat;
const ev = (seq: number, path: string | null, type: LiveEvent["type"] = "dataChanged"): LiveEvent => ({ id: `hub1.${seq}`, clusterId: "c", path, type, at: "" });
const state = ev(0, null, "state");
const ring = [ev(3, "/a"), ev(4, "/b"), ev(5, null, "state"), ev(6, "/a")];
const base = { instance: "hub1", clusterId: "c", ring, registeredAt: 6, state };
const kinds = (out: LiveEvent[]) => out.map((e) => `${e.type} ${e.path ?? "*"} ${e.id}`);

describe("catch-up events", () => {
  it("replays what a continuously watched path missed, and cluster-wide events", () => {
    const out = catchUpEvents({ ...base, held: [{ path: "/a", since: 1, latest: raw }], lastEventId: "hub1.3" });
    expect(kinds(out)).toEqual(["state * hub1.5", "dataChanged /a hub1.6", "state * hub1.6"]);
  });

  it("sends the current state of a path that was not watched the whole time", () => {
    const out = catchUpEvents({ ...base, held: [{ path: "/a", since: 1, latest: raw }, { path: "/b", since: 4, latest: null }], lastEventId: "hub1.3" });
    expect(kinds(out)).toEqual(["state * hub1.5", "dataChanged /a hub1.6", "state * hub1.6", "resync /b hub1.6"]);
    expect(out.at(-1)!.stat).toBeNull();
  });

  it("resyncs every path when the id is another hub's, or its events were evicted from the ring", () => {
    const held = [{ path: "/a", since: 0, latest: raw }];
    for (const lastEventId of ["other.3", "hub1.1", "junk", null]) {
      const out = catchUpEvents({ ...base, held, lastEventId });
      expect(kinds(out)).toEqual(["state * hub1.6", "resync /a hub1.6"]);
      expect(out[1].stat).toMatchObject({ version: 4, mzxid: "0x9" });
    }
  });
});
