// npm run audit:verify – walk the audit trail's chain (DATABASE_URL, default data/console.db) with
// its key, and compare its head with the latest signed checkpoint; prints the first problem and
// exits 1, or what was checked. Exit 2: the trail could not be read.
import { verifyAuditChain } from "../lib/audit/verify";

async function main() {
  const r = await verifyAuditChain();
  const cp = r.checkpoint;
  const checkpoint =
    cp.status === "matches" ? `matches the checkpoint of ${cp.at} (${cp.count} records up to record ${cp.headId})`
    : cp.status === "none" ? `no checkpoint yet in ${cp.file}: deleting the newest records cannot be detected until one is written (npm run audit:checkpoint)`
    : `checkpoint: ${cp.problem}`;
  if (r.ok) {
    const keyed = r.keyedFrom === null ? "no keyed records yet" : r.keyedFrom === 1 ? "keyed from the first record" : `records 1–${r.keyedFrom - 1} carry the older unkeyed hash, keyed from record ${r.keyedFrom}`;
    console.log(`audit trail intact: ${r.checked} records checked${r.headId ? `, head record ${r.headId}` : ""}; ${keyed}; ${checkpoint}`);
    return 0;
  }
  const where = r.brokenAt === null ? "audit trail BROKEN" : `audit trail BROKEN at record ${r.brokenAt}`;
  console.error(`${where} (${r.checked} records checked${r.lastGoodId ? `, last good record ${r.lastGoodId}` : ""}):\n  ${r.problem}`);
  return 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error("audit:verify could not read the audit trail:", e instanceof Error ? e.message : e);
  process.exit(2);
});
