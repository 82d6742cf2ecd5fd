// npm run audit:verify – walk the audit trail's hash chain (DATABASE_URL, default data/console.db);
// prints the first broken link and exits 1, or the number of records checked and the head hash.
import { verifyAuditChain } from "../lib/audit/verify";

async function main() {
  const result = await verifyAuditChain();
  if (result.ok) {
    console.log(`audit trail intact: ${result.checked} records checked${result.headId ? `, head record ${result.headId} hash ${result.headHash}` : ""}`);
    return 0;
  }
  console.error(`audit trail BROKEN at record ${result.brokenAt} (${result.checked} records before it are intact${result.lastGoodId ? `, last good record ${result.lastGoodId}` : ""}):\n  ${result.problem}`);
  return 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error("audit:verify could not read the audit trail:", e instanceof Error ? e.message : e);
  process.exit(2);
});
