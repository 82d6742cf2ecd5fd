export { listAudit, readAuditEntry, getAuditEntry, auditEntryOfRequest, auditRowOfRequest, findAuditEntries } from "./query";
export { exportAudit } from "./export";
export { znodeHistory } from "./history";
export { restoreTarget, restoreVersion } from "./restore";
export { verifyAudit } from "./verify-action";
export { verifyAuditChain, type VerifyResult } from "./verify";
export { checkpointNow, startAuditCheckpoints, writeCheckpoint } from "./write-checkpoint";
export type { AuditEntry } from "./entry";
