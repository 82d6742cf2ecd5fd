// Every Prisma write of a row that an in-memory cache derives something from raises its
// invalidation (lib/core/invalidation.ts), whoever writes it: a verb, sign-in, the bootstrap, a
// test's set-up. Deletes of a cluster cascade in the database to its grants and credentials, so
// those are raised too. (Raw SQL bypasses this: the console writes these tables only through Prisma.)
import { invalidate, type InvalidationKind } from "../invalidation";
import type { PrismaClient } from "./generated/prisma/client";

const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"]);

type Row = Record<string, unknown> | null | undefined;
const field = (row: Row, name: string) => (row && typeof row[name] === "string" ? (row[name] as string) : null);
const whereId = (args: unknown, name = "id") => field((args as { where?: Row })?.where, name);

/** What a write of one model invalidates: the kind and the id (null: any row of that kind). */
const RAISES: Record<string, (result: Row, args: unknown, operation: string) => [InvalidationKind, string | null][]> = {
  user: (r, a) => [["user", field(r, "id") ?? whereId(a)]],
  // A grant to a group reaches every member: any grant change is "some grant".
  grant: () => [["grant", null]],
  setting: (r, a) => [["setting", field(r, "key") ?? whereId(a, "key")]],
  cluster: (r, a, op) => {
    const id = field(r, "id") ?? whereId(a);
    return op.startsWith("delete") ? [["cluster", id], ["credential", id], ["grant", null]] : [["cluster", id]];
  },
  clusterCredential: (r, a) => [["credential", field(r, "clusterId") ?? whereId(a, "clusterId")]],
  // TLS and SASL settings are sealed secrets of the session like credentials: the same kind.
  clusterSecurity: (r, a) => [["credential", field(r, "clusterId") ?? whereId(a, "clusterId")]],
  // ApiTokenUse (last use) is kept apart on purpose: its writes change no cached token.
  apiToken: (r, a) => [["token", field(r, "id") ?? whereId(a)]],
  // A sign-out changes what the user's sessions may do (its own session ends).
  signedOutSession: (r) => [["user", field(r, "userId")]],
};

export function invalidatingWrites(client: PrismaClient): PrismaClient {
  const query = Object.fromEntries(Object.entries(RAISES).map(([model, raises]) => [model, {
    async $allOperations({ operation, args, query: run }: { operation: string; args: unknown; query: (args: unknown) => Promise<unknown> }) {
      if (!WRITES.has(operation)) return run(args);
      try {
        const result = await run(args);
        for (const [kind, id] of raises(Array.isArray(result) ? null : (result as Row), args, operation)) invalidate(kind, id);
        return result;
      } catch (e) {
        // A failed write may still have changed rows (a batch, a lost answer): drop them anyway.
        for (const [kind, id] of raises(null, args, operation)) invalidate(kind, id);
        throw e;
      }
    },
  }]));
  // A query extension changes no method's shape, so the client keeps its own type.
  return client.$extends({ query } as Parameters<PrismaClient["$extends"]>[0]) as unknown as PrismaClient;
}
