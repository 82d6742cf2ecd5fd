import { randomUUID } from "node:crypto";
import type { RequestCtx } from "../../lib/core/context";

/** A request context for a user with a global role, as the route wrapper would build it. */
export const actorCtx = (role: "viewer" | "editor" | "admin" = "editor", name = role): RequestCtx => ({
  actor: { id: `u-${name}`, username: name, name, role, provider: "credentials" },
  requestId: randomUUID(),
  sourceIp: "127.0.0.1",
});
