import { requestCtx } from "../../lib/access/request-ctx";
import type { RequestCtx } from "../../lib/core/context";

/** A request context for a user with a global role, as the route wrapper would build it. */
export const actorCtx = (role: "viewer" | "editor" | "admin" = "editor", name = role): RequestCtx =>
  requestCtx({ actor: { id: `u-${name}`, username: name, name, role, provider: "credentials" }, sourceIp: "127.0.0.1" });
