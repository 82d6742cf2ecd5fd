import { describe, expect, it } from "vitest";
import { ConsoleError } from "../errors";
import { isDecidableByReadBack, isOutcomeUnknown, isZkCode, noAnswerInTime, toZkError, ZkError } from "./errors";
import { workerGone } from "./worker/protocol";

describe("toZkError: native binding errors become typed domain errors", () => {
  it.each([
    ["-101 no node", -101, "NO_NODE", 404],
    ["-102 not authenticated", -102, "NO_AUTH", 403],
    ["-103 bad version", -103, "BAD_VERSION", 409],
    ["-110 node exists", -110, "NODE_EXISTS", 409],
    ["-111 not empty", -111, "NOT_EMPTY", 409],
    ["-112 session expired", -112, "SESSION_EXPIRED", 503],
    ["-4 connection loss", -4, "CONNECTION_LOSS", 503],
    ["-7 operation timeout", -7, "OPERATION_TIMEOUT", 504],
  ])("maps %j to %s / %s", (message, rc, code, status) => {
    const e = toZkError(new Error(message), "/app/x");
    expect(e).toBeInstanceOf(ZkError);
    expect(e).toBeInstanceOf(ConsoleError);
    expect(e).toMatchObject({ rc, code, status });
    expect(isZkCode(e, code as string)).toBe(true);
  });

  it("maps calls the C client refuses up front (closed or expired handle) to a typed 503", () => {
    const e = toZkError(new Error('fn: "a_get" args: "/app,false" result: "ZINVALIDSTATE -9"'), "/app");
    expect(e).toMatchObject({ rc: -9, code: "INVALID_STATE", status: 503 });
    expect(toZkError(new Error('fn: "a_create" args: "x" result: "ZBADARGUMENTS -8"'))).toMatchObject({ rc: -8, code: "BAD_ARGUMENTS", status: 400 });
  });

  it("names the path in the message when it is known", () => {
    expect(toZkError(new Error("-101 no node"), "/app/missing").message).toContain("/app/missing");
    expect(toZkError(new Error("-103 bad version"), "/app/cfg").message).toContain("/app/cfg");
  });

  it("maps an unknown ZooKeeper return code to 502 ZOOKEEPER_ERROR keeping the original text", () => {
    const e = toZkError(new Error("-999 something new"));
    expect(e).toMatchObject({ rc: -999, code: "ZOOKEEPER_ERROR", status: 502 });
    expect(e.message).toContain("-999 something new");
  });

  it("passes a non-ZooKeeper error through unchanged", () => {
    const original = new TypeError("cannot read properties of undefined");
    expect(toZkError(original)).toBe(original);
  });

  it("passes an existing ConsoleError through unchanged", () => {
    const original = new ConsoleError("CLUSTER_UNAVAILABLE", 503, "down");
    expect(toZkError(original, "/x")).toBe(original);
  });

  it("wraps a non-Error value into an Error", () => {
    const e = toZkError("boom");
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe("boom");
    expect(e).not.toBeInstanceOf(ConsoleError);
  });

  it("isZkCode is false for other codes and non-ZooKeeper errors", () => {
    expect(isZkCode(toZkError(new Error("-101 no node")), "NODE_EXISTS")).toBe(false);
    expect(isZkCode(new Error("-101 no node"), "NO_NODE")).toBe(false);
  });

  it("tells which failed writes have an unknown outcome, and which a read after the reconnect can decide", () => {
    const lost = toZkError(new Error("-4 connection loss"));
    const clientTimedOut = toZkError(new Error("-7 operation timeout")); // the C client dropped a silent server
    const consoleTimedOut = noAnswerInTime("/x");
    const processGone = toZkError(workerGone("the session worker exited (SIGKILL)"));
    const refused = toZkError(new Error("-103 bad version"));
    const all = [lost, clientTimedOut, consoleTimedOut, processGone, refused];
    expect(all.map(isOutcomeUnknown)).toEqual([true, true, true, true, false]);
    // When the console gave up waiting, the request may still be queued in the client; a vanished worker's connection may still deliver it.
    expect(all.map(isDecidableByReadBack)).toEqual([true, true, false, false, false]);
    expect(processGone).toMatchObject({ code: "CONNECTION_LOSS", local: "process" });
    expect(consoleTimedOut).toMatchObject({ code: "OPERATION_TIMEOUT", status: 504, local: "timeout" });
  });
});
