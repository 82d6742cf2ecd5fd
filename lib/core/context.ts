// The request context every verb takes (`{ ctx, input }`): who is asking (for the permission
// checks and the audit trail), the database handle, and the way to a cluster's ZooKeeper session.
// It sits at the bottom so every layer can name it; the access layer supplies the session
// accessor (with its read check) when it builds one (lib/access/request-ctx.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "./actor";
import { db } from "./db/client";
import type { Cluster, PrismaClient } from "./db/generated/prisma/client";
import type { ZkClient } from "./zk/client";
import type { SessionTarget } from "./zk/sessions";

export type { Actor } from "./actor";

/** A registered cluster with its shared session, and the target (address, credentials) it was opened with. */
export type ClusterSession = { cluster: Cluster; client: ZkClient; target: SessionTarget };

/** Built once per request (createRequestCtx); to act as someone else build a new one rather than spreading this one. */
export type RequestCtx = {
  actor: Actor;
  /** Sent back as X-Request-Id and kept on every audit record of the request. */
  requestId: string;
  sourceIp: string | null;
  /** The caller asked to apply a write under a protected path directly (X-Break-Glass: true; admins, with a reason). */
  breakGlass?: boolean;
  readonly db: PrismaClient;
  /** The cluster's session after the read check for `path`: 404 for a cluster the actor may not see, 403 for a path it may not read. */
  clusterSession: (clusterId: string, path?: string) => Promise<ClusterSession>;
  /**
   * Who the request's credentials (session cookie, API token) stand for now, or null when they no
   * longer stand for anyone (user disabled, sessions revoked): for work that outlives the request's
   * start, such as a live stream, after a change of users or grants.
   */
  currentActor: () => Promise<Actor | null>;
};

export type RequestCtxInput = { actor: Actor; requestId?: string; sourceIp: string | null; breakGlass?: boolean; currentActor?: () => Promise<Actor | null> };
export type SessionOpener = (ctx: RequestCtx, clusterId: string, path?: string) => Promise<ClusterSession>;

export function createRequestCtx(input: RequestCtxInput, openSession: SessionOpener): RequestCtx {
  const ctx: RequestCtx = {
    actor: input.actor,
    requestId: input.requestId ?? randomUUID(),
    sourceIp: input.sourceIp,
    breakGlass: input.breakGlass,
    get db() {
      return db();
    },
    clusterSession: (clusterId, path) => openSession(ctx, clusterId, path),
    currentActor: input.currentActor ?? (async () => input.actor),
  };
  return ctx;
}
