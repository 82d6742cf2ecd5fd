// The browser side of every domain (lib/<domain>/client/) reaches the server only through types:
// a runtime import of a server module would pull Node code (or a secret) into the bundle.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const clientFolders = fs.readdirSync(path.join(root, "lib"))
  .map((domain) => path.join("lib", domain, "client"))
  .filter((dir) => fs.existsSync(path.join(root, dir)));
const clientFiles = clientFolders.flatMap((dir) =>
  fs.readdirSync(path.join(root, dir)).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)).map((f) => path.join(dir, f)));

/** Runtime imports (not `import type`, not `export type`) of a file: their module specifiers. */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const specs: string[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?([^;]*?)\s+from\s+"([^"]+)";/gm)) {
    const typeOnly = Boolean(m[2]) || /^\{[^}]*\}$/.test(m[3]) && m[3].slice(1, -1).split(",").every((n) => n.trim() === "" || n.trim().startsWith("type "));
    if (!typeOnly) specs.push(m[4]);
  }
  for (const m of text.matchAll(/^import\s+"([^"]+)";/gm)) specs.push(m[1]);
  return specs;
}

const BROWSER_PACKAGES = /^(react|react-dom|@tanstack\/react-query|zod)(\/|$)/;
const isClientModule = (spec: string) => /^@\/lib\/[a-z-]+\/client\/[a-z-]+$/.test(spec) || /^\.\/[a-z-]+$/.test(spec);

describe("browser-side client folders", () => {
  it("exist for the shared plumbing and the domains", () => {
    expect(clientFolders).toContain(path.join("lib", "core", "client"));
    expect(clientFiles.length).toBeGreaterThan(50);
  });

  it("import server code as types only", () => {
    const offenders = clientFiles.flatMap((file) =>
      runtimeImports(file).filter((spec) => !BROWSER_PACKAGES.test(spec) && !isClientModule(spec)).map((spec) => `${file} imports ${spec}`));
    expect(offenders).toEqual([]);
  });

  it("the shared plumbing depends on no domain", () => {
    const offenders = clientFiles.filter((f) => f.startsWith(path.join("lib", "core")))
      .flatMap((file) => runtimeImports(file).filter((spec) => spec.startsWith("@/lib/") && !spec.startsWith("@/lib/core/")).map((spec) => `${file} imports ${spec}`));
    expect(offenders).toEqual([]);
  });
});
