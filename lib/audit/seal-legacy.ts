// Records written before the hash chain existed (migration 0004) have no hash. They are sealed
// into the chain once, at the first start-up after the upgrade, and only while no record has a
// hash yet: afterwards a record without a hash is tampering, and verify reports it.
import "server-only";
import { db } from "@/lib/core/db/client";
import { GENESIS, recordHash } from "@/lib/access/audit/chain";

export async function sealLegacyAuditRecords(): Promise<number> {
  return db().$transaction(async (tx) => {
    // One hashed record is enough to know the chain exists (no count: this runs at every start-up).
    if (await tx.auditRecord.findFirst({ where: { hash: { not: null } }, select: { id: true } })) return 0;
    const rows = await tx.auditRecord.findMany({ orderBy: { id: "asc" } });
    let prevHash = GENESIS;
    for (const row of rows) {
      const hash = recordHash(row, prevHash);
      await tx.auditRecord.update({ where: { id: row.id }, data: { prevHash, hash } });
      prevHash = hash;
    }
    return rows.length;
  });
}
