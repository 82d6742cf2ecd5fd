// The cluster a page URL names (/clusters/<slug or id>/…), for the signed-in user: pages resolve
// it once on the server and hand the id to the browser's API calls.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { currentActor } from "@/lib/access/session";
import { canSeeCluster } from "@/lib/access/permissions";
import { PATHNAME_HEADER, SEARCH_HEADER } from "./public-pages";
import { db } from "@/lib/core/db/client";

export type ClusterPageRef = { id: string; slug: string; name: string };

/**
 * By slug, else by id: an id URL redirects to the same page under the slug (old links keep
 * working). Null when there is no such cluster or the user may not see it (the same answer).
 */
export const clusterForPage = cache(async (segment: string): Promise<ClusterPageRef | null> => {
  const actor = await currentActor();
  if (!actor) return null;
  let ref = segment;
  try {
    ref = decodeURIComponent(segment);
  } catch { /* a stray % : look it up as it is */ }
  const cluster = (await db().cluster.findUnique({ where: { slug: ref } })) ?? (await db().cluster.findUnique({ where: { id: ref } }));
  if (!cluster || !canSeeCluster(actor, cluster)) return null;
  const slug = cluster.slug ?? cluster.id;
  if (slug !== ref) {
    const h = await headers();
    const pathname = h.get(PATHNAME_HEADER) ?? `/clusters/${segment}`;
    const rest = pathname.split("/").slice(3).join("/");
    redirect(`/clusters/${encodeURIComponent(slug)}${rest ? `/${rest}` : ""}${h.get(SEARCH_HEADER) ?? ""}`);
  }
  return { id: cluster.id, slug, name: cluster.name };
});
