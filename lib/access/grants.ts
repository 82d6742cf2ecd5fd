import "server-only";
import { db } from "@/lib/core/db/client";
import { isRole, type GrantRef } from "./roles";

/** IdP groups as stored on the user (a JSON array); anything else counts as none. */
export function parseGroups(raw: string | null | undefined): string[] {
  try {
    const v: unknown = JSON.parse(raw ?? "[]");
    return Array.isArray(v) ? v.filter((g): g is string => typeof g === "string") : [];
  } catch {
    return [];
  }
}

/** The user's own grants and those of its groups (the group mappings). */
export async function grantsFor(userId: string, groups: string[]): Promise<GrantRef[]> {
  const rows = await db().grant.findMany({
    where: { OR: [{ subjectType: "user", subject: userId }, ...(groups.length ? [{ subjectType: "group", subject: { in: groups } }] : [])] },
    orderBy: { createdAt: "asc" },
  });
  return rows.filter((g) => isRole(g.role)).map((g) => ({
    role: g.role as GrantRef["role"],
    clusterId: g.clusterId,
    pathPrefix: g.pathPrefix,
    via: g.subjectType === "group" ? `group ${g.subject}` : "user grant",
  }));
}
