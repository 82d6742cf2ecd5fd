// Export of a filtered set of audit entries as CSV or JSON (admins only).
import "server-only";
import { requireGlobalAdmin } from "@/lib/access/permissions";
import type { RequestCtx } from "@/lib/core/context";
import type { AuditEntry } from "./entry";
import { findAuditEntries } from "./query";
import { auditFilter, exportQuery } from "./schema";

export const EXPORT_MAX = 50_000;

const COLUMNS: [string, (e: AuditEntry) => unknown][] = [
  ["id", (e) => e.id], ["at", (e) => e.at], ["actor", (e) => e.actor.name], ["actorId", (e) => e.actor.id], ["provider", (e) => e.actor.provider],
  ["sourceIp", (e) => e.sourceIp], ["cluster", (e) => e.cluster?.name], ["clusterId", (e) => e.cluster?.id], ["operation", (e) => e.operation],
  ["path", (e) => e.path], ["targetPath", (e) => e.targetPath], ["outcome", (e) => e.outcome], ["error", (e) => e.error], ["reason", (e) => e.reason],
  ["versionBefore", (e) => e.before.version], ["versionAfter", (e) => e.after.version], ["beforeHash", (e) => e.before.hash], ["afterHash", (e) => e.after.hash],
  ["before", (e) => e.before.data], ["after", (e) => e.after.data], ["details", (e) => (e.details ? JSON.stringify(e.details) : null)],
  ["requestId", (e) => e.requestId], ["hash", (e) => e.hash],
];

/** RFC 4180 quoting, and a leading quote on values a spreadsheet would run as a formula. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(entries: AuditEntry[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(",")];
  for (const e of entries) lines.push(COLUMNS.map(([, get]) => csvCell(get(e))).join(","));
  return lines.join("\r\n") + "\r\n";
}

export async function exportAudit({ ctx, input }: { ctx: RequestCtx; input: Record<string, string> }): Promise<Response> {
  requireGlobalAdmin(ctx.actor, "export the audit trail");
  const { format } = exportQuery.parse({ format: input.format });
  const filter = auditFilter.parse({ ...input, limit: 500 });
  const entries: AuditEntry[] = [];
  let before = filter.before;
  while (entries.length < EXPORT_MAX) {
    const page = await findAuditEntries({ ...filter, before });
    entries.push(...page.entries);
    if (page.nextBefore === null) break;
    before = page.nextBefore;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const body = format === "csv" ? toCsv(entries) : JSON.stringify({ exportedAt: new Date().toISOString(), filter: { ...filter, limit: undefined }, count: entries.length, entries }, null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
