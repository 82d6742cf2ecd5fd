// The layout holds: imports flow core ← access ← domains ← app/components, domain folders do not
// import each other in a circle, no two product files do, product code never imports test/, and
// a page's own files are used by that page only.
import { describe, expect, it } from "vitest";
import { importGraph, layerOf, layerViolations, type Edge } from "./support/import-graph";

describe("import directions", () => {
  const edges = importGraph();

  it("reads the real graph (imports, re-exports, type imports, import(), require())", () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual({ from: "lib/core/db/client.ts", to: "lib/core/db/adapter.ts" });
    expect(edges.some((e) => e.from.startsWith("app/api/v1/") && e.to === "lib/access/route.ts")).toBe(true);
  });

  it("has no upward import, no circle of domain folders or files, and no product import of test/", () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  describe("the rules themselves", () => {
    const clean: Edge[] = [
      { from: "app/page.tsx", to: "lib/znodes/index.ts" },
      { from: "lib/znodes/index.ts", to: "lib/access/permissions.ts" },
      { from: "lib/access/permissions.ts", to: "lib/core/errors.ts" },
      { from: "lib/acl/get-acl.ts", to: "lib/znodes/bfs.ts" },
      { from: "lib/znodes/get-node.test.ts", to: "test/support/actors.ts" },
      { from: "lib/watch/events-route.test.ts", to: "app/api/v1/clusters/[id]/events/route.ts" },
    ];
    it("accept a clean graph", () => expect(layerViolations(clean)).toEqual([]));

    it("refuse core importing access, access importing a domain, a domain importing app", () => {
      expect(layerViolations([{ from: "lib/core/context.ts", to: "lib/access/session.ts" }])).toEqual([
        "lib/core/context.ts (core) imports lib/access/session.ts (access): imports go core ← access ← domains ← app",
      ]);
      expect(layerViolations([{ from: "lib/access/route.ts", to: "lib/znodes/index.ts" }])).toHaveLength(1);
      expect(layerViolations([{ from: "lib/znodes/get-node.ts", to: "components/znodes/tree.tsx" }])).toHaveLength(1);
    });

    it("refuse product code importing the harness", () => {
      expect(layerViolations([{ from: "lib/znodes/get-node.ts", to: "test/support/actors.ts" }])).toEqual([
        "lib/znodes/get-node.ts (product) imports test/support/actors.ts (test harness)",
      ]);
    });

    it("refuse a circle of domain folders, and a circle of files", () => {
      expect(layerViolations([...clean, { from: "lib/znodes/bfs.ts", to: "lib/acl/format.ts" }])).toEqual(["domain folders import each other in a circle: lib/acl ↔ lib/znodes"]);
      expect(layerViolations([{ from: "lib/core/a.ts", to: "lib/core/b.ts" }, { from: "lib/core/b.ts", to: "lib/core/a.ts" }])).toEqual([
        "files import each other in a circle: lib/core/a.ts ↔ lib/core/b.ts",
      ]);
    });

    it("refuse a page importing another route's page-local file", () => {
      expect(layerViolations([{ from: "app/clusters/[id]/health/client.tsx", to: "app/clusters/[id]/live/client.tsx" }])).toHaveLength(1);
      expect(layerViolations([{ from: "app/clusters/[id]/health/page.tsx", to: "app/clusters/[id]/health/client.tsx" }, { from: "app/login/page.tsx", to: "app/providers.tsx" }])).toEqual([]);
    });

    it("place every folder in its layer", () => {
      expect(["lib/core/zk/client.ts", "lib/access/route.ts", "lib/znodes/index.ts", "lib/startup.ts", "components/x.tsx", "middleware.ts", "test/faults/support.ts", "e2e/browse.spec.ts"].map(layerOf))
        .toEqual(["core", "access", "domain", "domain", "app", "app", "test", "tool"]);
    });
  });
});
