// Source guards for the audit rules: only the chain writes audit rows, nothing updates or deletes
// them, and route handlers never reach ZooKeeper or the audit table around the one mutation path.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") out.push(...sources(rel));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

describe("audit guards", () => {
  it("only lib/access/audit/chain.ts inserts audit rows, and only the legacy sealing updates one", () => {
    const offenders = [...sources("lib"), ...sources("app"), ...sources("components")].flatMap((file) => {
      const text = read(file);
      const found: string[] = [];
      if (/auditRecord\.(create|createMany|upsert)\b/.test(text) && file !== path.join("lib", "access", "audit", "chain.ts")) found.push(`${file} inserts audit rows`);
      if (/auditRecord\.(update|updateMany)\b/.test(text) && file !== path.join("lib", "audit", "seal-legacy.ts")) found.push(`${file} updates audit rows`);
      if (/auditRecord\.(delete|deleteMany)\b/.test(text)) found.push(`${file} deletes audit rows`);
      return found;
    });
    expect(offenders).toEqual([]);
  });

  it("route handlers reach ZooKeeper only through lib/ (never lib/core/zk directly)", () => {
    const offenders = sources("app").filter((f) => /from ["']@\/lib\/core\/zk\/|from ["'](\.\.\/)+lib\/core\/zk\//.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it("every /api/v1 route handler goes through the one route wrapper", () => {
    const routes = sources(path.join("app", "api", "v1")).filter((f) => f.endsWith("route.ts"));
    expect(routes.length).toBeGreaterThan(10);
    const unwrapped = routes.filter((f) => !/from ["']@\/lib\/access\/route["']/.test(read(f)));
    expect(unwrapped).toEqual([]);
  });
});
