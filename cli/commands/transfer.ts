// export and import: a subtree as the console's JSON export file, streamed both ways.
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import { CliError, EXIT } from "../exit-codes";
import { clusterPath, znodePath, type Session } from "../session";

type Counts = { creates: number; updates: number; unchanged: number; conflicts: number; protected: number };
type DryRun = { dryRun: true; root: string; counts: Counts; conflicts: { path: string; why: string }[] };
type Applied = { dryRun: false; root: string; created: number; updated: number; unchanged: number; conflictCount: number; conflicts: { path: string; why: string }[] };

export function registerTransferCommands(program: Command, open: () => Session) {
  program.command("export <path>").description("a subtree as the console's JSON export file")
    .option("-o, --output <file>", "write to this file instead of stdout")
    .option("--acl", "include each znode's ACL")
    .action(async (path: string, o: { output?: string; acl?: boolean }) => {
      const s = open();
      const c = await s.cluster();
      const res = await s.api.send("GET", clusterPath(c, "export"), { query: { path: znodePath(path), acl: o.acl ? "true" : undefined } });
      const sink = o.output ? fs.createWriteStream(o.output) : s.print.out;
      await pipeline(Readable.fromWeb(res.body as never), sink);
      if (o.output) s.print.note(`exported ${path} to ${o.output}`);
    });

  program.command("import <path> <file>").description("import an export file under <path> (- for stdin); conflicts → exit 4")
    .option("--dry-run", "only say what would be created, updated, left alone or refused")
    .option("--overwrite", "replace znodes that exist with different data (default: leave them, as conflicts)")
    .option("--acl", "apply the file's ACLs too")
    .option("--reason <text>", "why (kept in the audit trail)")
    .action(async (path: string, file: string, o: { dryRun?: boolean; overwrite?: boolean; acl?: boolean; reason?: string }) => {
      const s = open();
      const c = await s.cluster();
      let input: fs.ReadStream | NodeJS.ReadStream;
      if (file === "-") input = process.stdin;
      else if (!fs.existsSync(file)) throw new CliError(`no such file: ${file}`, EXIT.BAD_INPUT);
      else input = fs.createReadStream(file);
      const query = { path: znodePath(path), dryRun: o.dryRun ? "true" : "false", onExisting: o.overwrite ? "overwrite" : "skip", acl: o.acl ? "true" : "false", reason: o.reason };
      const r = await s.api.json<DryRun | Applied>("POST", clusterPath(c, "import"), { query, stream: Readable.toWeb(input) as ReadableStream<Uint8Array> });
      const conflicts = r.dryRun ? r.counts.conflicts : r.conflictCount;
      s.print.result(r, () => {
        const counts = r.dryRun ? r.counts : { creates: r.created, updates: r.updated, unchanged: r.unchanged, conflicts: r.conflictCount };
        s.print.line(r.dryRun ? `dry run of an import under ${r.root} (nothing written):` : `imported under ${r.root}:`);
        s.print.table(["", "ZNODES"], Object.entries(counts).map(([k, v]) => [r.dryRun ? k : k.replace(/^creates$/, "created").replace(/^updates$/, "updated"), v]));
        if (r.conflicts.length) s.print.table(["CONFLICT", "WHY"], r.conflicts.map((x) => [x.path, x.why]));
      });
      if (conflicts > 0) s.exitWith(EXIT.CONFLICT);
    });
}
