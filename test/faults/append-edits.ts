// A stream of version-checked edits through the console that leaves its own history in ZooKeeper:
// each edit reads a node and appends a unique token at the version it read, so the final value
// lists, in order, every edit that was applied. Reconciled against what the console reported and
// what the audit trail recorded, request by request.
import { auditRowOfRequest } from "../../lib/audit/query";
import { actorCtx } from "../support/actors";
import { getNode, setData } from "../../lib/znodes";
import { sleep } from "./support";

export type Edit = {
  path: string;
  token: string;
  requestId: string;
  version: number;
  /** What the console said: applied, refused or failed (not applied), or unknown. */
  status: "ok" | "failed" | "unknown";
  code?: string;
  message?: string;
  at: number;
};

export const tokensOf = (value: string) => value.split("|").slice(1);

/** One operator saving `path` over and over until `stop()`; a failed read is retried after a pause. */
export async function editLoop(opts: { clusterId: string; path: string; writer: string; stop: () => boolean; edits: Edit[]; readFailures: { code?: string; message: string }[] }) {
  for (let n = 0; !opts.stop(); n++) {
    let node: Awaited<ReturnType<typeof getNode>>;
    try {
      node = await getNode({ ctx: actorCtx("editor"), clusterId: opts.clusterId, input: { path: opts.path } });
    } catch (e) {
      opts.readFailures.push({ code: (e as { code?: string }).code, message: (e as Error).message });
      await sleep(100);
      continue;
    }
    const ctx = actorCtx("editor");
    const token = `${opts.writer}.${n}`;
    const edit: Edit = { path: opts.path, token, requestId: ctx.requestId, version: node.stat.version, status: "ok", at: Date.now() };
    try {
      await setData({ ctx, clusterId: opts.clusterId, path: opts.path, input: { data: `${node.data.text ?? ""}|${token}`, version: node.stat.version } });
    } catch (e) {
      const err = e as { code?: string; message: string };
      edit.status = err.code === "OUTCOME_UNKNOWN" ? "unknown" : "failed";
      edit.code = err.code;
      edit.message = err.message;
    }
    opts.edits.push(edit);
  }
}

export type Reconciliation = { applied: number; failed: number; unknownApplied: number; unknownNotApplied: number; problems: string[] };

/**
 * Every edit against the final values (`finals`: path → value read after a sync) and the audit trail
 * (`foreign`: tokens written by other clients, not through the console):
 * applied exactly once or not at all, as reported, and recorded as reported.
 */
export async function reconcile(edits: Edit[], finals: Map<string, { value: string; version: number }>, foreign: string[] = []): Promise<Reconciliation> {
  const r: Reconciliation = { applied: 0, failed: 0, unknownApplied: 0, unknownNotApplied: 0, problems: [] };
  const byToken = new Map(edits.map((e) => [e.token, e]));
  for (const [path, final] of finals) {
    const tokens = tokensOf(final.value);
    if (new Set(tokens).size !== tokens.length) r.problems.push(`${path}: a token appears twice: ${tokens.join(",")}`);
    if (tokens.length !== final.version) r.problems.push(`${path}: version ${final.version} but ${tokens.length} edits in the value`);
    for (const t of tokens) {
      const e = byToken.get(t);
      if (!e) {
        if (!foreign.includes(t)) r.problems.push(`${path}: token ${t} was applied but no edit sent it`);
      } else if (e.status === "failed") r.problems.push(`${path}: edit ${t} was reported failed (${e.code}: ${e.message}) but was applied`);
    }
  }
  for (const e of edits) {
    const final = finals.get(e.path)!;
    const applied = tokensOf(final.value).includes(e.token);
    if (e.status === "ok" && !applied) r.problems.push(`${e.path}: edit ${e.token} was reported applied but is not in ZooKeeper`);
    if (e.status === "ok") r.applied++;
    else if (e.status === "failed") r.failed++;
    else if (applied) r.unknownApplied++;
    else r.unknownNotApplied++;
    if (e.status !== "ok" && (!e.message || /\n|\s at |Error:/.test(e.message))) r.problems.push(`${e.token}: unclear message ${JSON.stringify(e.message)}`);
    if (e.status === "unknown" && !/may or may not have been applied/.test(e.message ?? "")) r.problems.push(`${e.token}: unknown outcome not said so: ${e.message}`);
    const audit = await auditRowOfRequest(e.requestId).catch(() => null);
    if (!audit) {
      r.problems.push(`${e.token}: no audit record`);
      continue;
    }
    if (audit.outcome !== e.status) r.problems.push(`${e.token}: reported ${e.status} (${e.code ?? ""}) but audited ${audit.outcome} (${audit.error ?? ""})`);
    if (e.status === "ok") {
      // The value the audit says was written is the value ZooKeeper had at that version.
      const written = audit.afterData ?? "";
      if (!final.value.startsWith(written) || tokensOf(written).at(-1) !== e.token) r.problems.push(`${e.token}: audited value is not in ZooKeeper's history`);
      if (Number(audit.versionAfter) !== tokensOf(written).length) r.problems.push(`${e.token}: audited version ${audit.versionAfter} does not match its value`);
    }
  }
  return r;
}
