// A cluster's name in console URLs: /clusters/prod-eu/znodes/… instead of an opaque id.
import "server-only";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/core/db/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "cluster">;

/** "Prod EU.1" → "prod-eu.1": lower case, runs of anything but letters, digits, dot, dash and underscore as one dash. */
export function slugify(name: string): string {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  return slug || "cluster";
}

/** The name's slug, or the first "-2", "-3", … that no other cluster uses. */
export async function freeSlug(tx: Tx, name: string, exceptId?: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set((await tx.cluster.findMany({ where: { slug: { startsWith: base } }, select: { id: true, slug: true } })).filter((c) => c.id !== exceptId).map((c) => c.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Clusters registered before slugs (or whose slug the migration could not derive) get one. */
export async function assignMissingSlugs(): Promise<void> {
  const missing = await db().cluster.findMany({ where: { slug: null }, orderBy: { createdAt: "asc" } });
  for (const c of missing) await db().cluster.update({ where: { id: c.id }, data: { slug: await freeSlug(db(), c.name, c.id) } });
}
