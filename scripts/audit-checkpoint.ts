// npm run audit:checkpoint – verify the records since the last checkpoint and write a signed
// checkpoint of the audit trail's head (AUDIT_CHECKPOINT_FILE, and AUDIT_CHECKPOINT_WEBHOOK when set).
import { publicKeyPem } from "../lib/audit/checkpoint";
import { writeCheckpoint } from "../lib/audit/write-checkpoint";

writeCheckpoint().then(({ written, problem }) => {
  if (!written) {
    console.error(`no checkpoint written: ${problem}`);
    process.exit(1);
  }
  console.log(`checkpoint written: ${written.count} records, head record ${written.headId}, signed by key ${written.keyId}\n${publicKeyPem()}`);
  process.exit(0);
}, (e) => {
  console.error("audit:checkpoint failed:", e instanceof Error ? e.message : e);
  process.exit(2);
});
