import "server-only";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/core/db/generated/prisma/client";

import { DEFAULT_ROLES, isDefaultRole, type DefaultRole } from "./settings-values";

export { DEFAULT_ROLES, isDefaultRole, type DefaultRole };

/** DEFAULT_ROLE from the environment, viewer when unset. An invalid value is a start-up error. */
export function envDefaultRole(): DefaultRole {
  const raw = process.env.DEFAULT_ROLE?.trim();
  if (!raw) return "viewer";
  if (!isDefaultRole(raw)) throw new Error(`DEFAULT_ROLE=${raw} is not valid: use one of ${DEFAULT_ROLES.join(", ")}`);
  return raw;
}

/** The admin setting when one was saved, else DEFAULT_ROLE. */
export async function defaultRole(tx: Prisma.TransactionClient = db()): Promise<DefaultRole> {
  const row = await tx.setting.findUnique({ where: { key: "defaultRole" } });
  const saved = row ? (JSON.parse(row.value) as unknown) : undefined;
  return isDefaultRole(saved) ? saved : envDefaultRole();
}
