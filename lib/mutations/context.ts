import type { Actor } from "../auth/session";

/** Who is asking, for authorization and the audit trail. */
export type RequestCtx = { actor: Actor; requestId: string; sourceIp: string | null };
