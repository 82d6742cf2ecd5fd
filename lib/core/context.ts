import type { Actor } from "@/lib/access/session";

/** Who is asking, for authorization and the audit trail. */
export type RequestCtx = { actor: Actor; requestId: string; sourceIp: string | null };
