import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "../db/client";
import { ConsoleError } from "../errors";
import { authOptions } from "./options";

export type Actor = { id: string; username: string; name: string; role: string; provider: string };

/** The one identity choke point: the logged-in, enabled user of this request, or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const uid = (session as { uid?: string } | null)?.uid;
  if (!uid) return null;
  const user = await db().user.findUnique({ where: { id: uid } });
  if (!user || user.disabled) return null;
  return { id: user.id, username: user.username, name: user.name ?? user.username, role: user.role, provider: user.provider };
});

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new ConsoleError("UNAUTHENTICATED", 401, "sign in first: this endpoint needs a console session");
  return actor;
}
