// Errors are named, never numbered: outside the catalogue (lib/core/errors.ts) no product code
// builds an error with a status number, and the catalogue's errors map to HTTP as declared.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConsoleError, errors, ZK_ERRORS } from "../lib/core/errors";
import { toErrorResponse } from "../lib/core/http/error-response";
import { toZkError } from "../lib/core/zk/errors";
import { isProduct, ROOT, sourceFiles } from "./support/import-graph";

const CATALOGUE = new Set(["lib/core/errors.ts", "lib/core/zk/errors.ts"]);
const RULES: [RegExp, string][] = [
  [/new (ConsoleError|ZkError)\(/, "builds an error by hand (name one from the catalogue: errors.…)"],
  [/"[A-Z][A-Z_]+",\s*[1-5]\d\d\b/, "passes a status number with an error code"],
  [/\bstatus:\s*[45]\d\d\b/, "passes an error status number"],
];

/** What is wrong with one product file, by the rules above. */
function statusNumberProblems(file: string, text: string): string[] {
  if (CATALOGUE.has(file)) return [];
  return RULES.filter(([re]) => re.test(text)).map(([, why]) => `${file} ${why}`);
}

describe("the error catalogue", () => {
  const files = sourceFiles().filter((f) => isProduct(f) && /\.tsx?$/.test(f));

  it("is the only place that gives an error its status", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files.flatMap((f) => statusNumberProblems(f, fs.readFileSync(path.join(ROOT, f), "utf8")))).toEqual([]);
  });

  it("catches an error built with a status number at a call site", () => {
    expect(statusNumberProblems("lib/znodes/x.ts", `throw new ConsoleError("BAD_VERSION", 409, "stale");`)).toHaveLength(2);
    expect(statusNumberProblems("lib/znodes/x.ts", `return NextResponse.json(body, { status: 409 });`)).toHaveLength(1);
    expect(statusNumberProblems("lib/znodes/x.ts", `return NextResponse.json(body, { status: 201 });`)).toEqual([]);
    expect(statusNumberProblems("lib/core/errors.ts", `new ConsoleError("BAD_VERSION", 409, "stale")`)).toEqual([]);
  });

  it("answers with the catalogue's code, status and sentence", async () => {
    const res = toErrorResponse(errors.staleVersion("/app/cfg", 7, { currentVersion: 9 }, 9));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: "BAD_VERSION", message: "version 7 is stale: /app/cfg is now at version 9; compare and merge, or reload", details: { currentVersion: 9 } } });
    expect(errors.clusterNotFound("c1")).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(errors.unauthenticated()).toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
  });

  it("turns ZooKeeper's return codes into operator sentences with a status", () => {
    for (const [rc, known] of Object.entries(ZK_ERRORS)) {
      const e = toZkError(new Error(`${rc} from the binding`), "/app/x");
      expect(e).toBeInstanceOf(ConsoleError);
      expect(e).toMatchObject({ code: known.code, status: known.status, message: known.message("/app/x") });
    }
    expect(toZkError(new Error("-101 no node"), "/app/x").message).toBe("znode /app/x does not exist");
  });
});
