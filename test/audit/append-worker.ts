// Test helper run as its own process: append N audit events to DATABASE_URL's chain, as a second
// console instance sharing the database would.
import { randomUUID } from "node:crypto";
import { appendAudit } from "../../lib/access/audit/chain";

async function main() {
  const count = Number(process.argv[2] ?? "20");
  const name = process.argv[3] ?? "worker";
  for (let i = 0; i < count; i++) await appendAudit({ requestId: randomUUID(), actorName: name, operation: "concurrency_test", outcome: "ok", details: JSON.stringify({ i }) });
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
