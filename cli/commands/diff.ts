// diff: two subtrees (same or different clusters) compared by the console, rows as they come.
import type { Command } from "commander";
import { ndjsonRows } from "../api";
import { CliError, EXIT, exitCodeOf } from "../exit-codes";
import { wholeNumber, znodePath, type Session } from "../session";

type Side = { version: number; size: number };
type Row =
  | { type: "added"; path: string; left: Side }
  | { type: "removed"; path: string; right: Side }
  | { type: "changed"; path: string; left: Side; right: Side; data?: unknown; acl?: true; nodeType?: true }
  | { type: "progress"; compared: number }
  | { type: "done"; compared: number; added: number; removed: number; changed: number; unchanged: number; truncated: boolean }
  | { type: "error"; error: { code: string; message: string; status?: number } };

/** `[cluster:]/path`: a cluster name or id before the first `:/`, else the --cluster one. */
async function sideOf(s: Session, arg: string): Promise<string> {
  const at = arg.indexOf(":/");
  const cluster = at > 0 ? await s.clusterNamed(arg.slice(0, at)) : await s.cluster();
  return `${cluster.id}:${znodePath(at > 0 ? arg.slice(at + 1) : arg)}`;
}

const what = (r: Extract<Row, { type: "changed" }>) =>
  [r.data !== undefined && "data", r.acl && "acl", r.nodeType && "type"].filter(Boolean).join(", ") + ` (version ${r.left.version} vs ${r.right.version})`;

export function registerDiffCommand(program: Command, open: () => Session) {
  program.command("diff <left> <right>").description("compare two subtrees, [cluster:]/path each; differences → exit 1 (--json: NDJSON rows)")
    .option("--acl", "compare ACLs too")
    .option("--max-nodes <n>", "stop after comparing this many znodes", wholeNumber("--max-nodes", 1))
    .action(async (leftArg: string, rightArg: string, o: { acl?: boolean; maxNodes?: number }) => {
      const s = open();
      const [left, right] = [await sideOf(s, leftArg), await sideOf(s, rightArg)];
      const res = await s.api.send("GET", "/api/v1/diff", { query: { left, right, acl: o.acl ? "true" : undefined, maxNodes: o.maxNodes }, accept: "application/x-ndjson" });
      let done: Extract<Row, { type: "done" }> | null = null;
      for await (const row of ndjsonRows<Row>(res)) {
        if (row.type === "progress") continue;
        if (row.type === "error") throw new CliError(row.error.message, row.error.status ? exitCodeOf(row.error.status, row.error.code) : EXIT.FAILED, row.error.code);
        if (s.print.json) s.print.raw(JSON.stringify(row) + "\n");
        if (row.type === "done") done = row;
        else if (!s.print.json) s.print.line(`${row.type.padEnd(8)} ${row.path}${row.type === "changed" ? `  ${what(row)}` : ""}`);
      }
      if (!done) throw new CliError("the diff ended before its summary: the console stopped answering", EXIT.UNAVAILABLE);
      s.print.note(`${done.compared} compared: ${done.added} added (only left), ${done.removed} removed (only right), ${done.changed} changed, ${done.unchanged} unchanged${done.truncated ? " (stopped at --max-nodes: incomplete)" : ""}`);
      if (done.added + done.removed + done.changed > 0) s.exitWith(EXIT.DIFFERENT);
    });
}
