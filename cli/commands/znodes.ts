// ls, get, set, create, rm: one znode at a time, version-checked like the UI.
import fs from "node:fs";
import type { Command } from "commander";
import { CliError, EXIT } from "../exit-codes";
import { clusterPath, wholeNumber, znodePath, type Session } from "../session";

type Stat = { version: number; cversion: number; aversion: number; dataLength: number; numChildren: number; ctime: string; mtime: string; ephemeralOwner: string | null; czxid: string; mzxid: string };
type NodeView = { path: string; data: { base64: string; text: string | null; isBinary: boolean }; stat: Stat };
type ChildrenPage = { path: string; total: number; matched: number; children: string[] };

const PAGE = 1000;
/** Largest value read from a file or stdin (ZooKeeper's own default limit is 1 MiB). */
const MAX_VALUE_BYTES = 96 * 1024 * 1024;

/** The value to write: --file (or - for stdin) as bytes, else the argument as UTF-8 text. */
function valueOf(arg: string | undefined, file: string | undefined): { data: string; encoding: "utf8" | "base64" } {
  if (file !== undefined && arg !== undefined) throw new CliError("give the value as an argument or with --file, not both", EXIT.BAD_INPUT);
  if (file === undefined) return { data: arg ?? "", encoding: "utf8" };
  let bytes: Buffer;
  try {
    const size = file === "-" ? 0 : fs.statSync(file).size;
    if (size > MAX_VALUE_BYTES) throw new CliError(`${file} is ${size} bytes: larger than a znode value may be`, EXIT.BAD_INPUT);
    bytes = fs.readFileSync(file === "-" ? 0 : file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`, EXIT.BAD_INPUT);
  }
  if (bytes.length > MAX_VALUE_BYTES) throw new CliError(`the value is ${bytes.length} bytes: larger than a znode value may be`, EXIT.BAD_INPUT);
  return { data: bytes.toString("base64"), encoding: "base64" };
}

const statRows = (s: Stat): [string, unknown][] => [
  ["version", s.version], ["cversion", s.cversion], ["aversion", s.aversion], ["dataLength", s.dataLength], ["numChildren", s.numChildren],
  ["ctime", s.ctime], ["mtime", s.mtime], ["czxid", s.czxid], ["mzxid", s.mzxid], ["ephemeralOwner", s.ephemeralOwner ?? "-"],
];

export function registerZnodeCommands(program: Command, open: () => Session) {
  program.command("ls <path>").description("list a znode's children (sorted names)")
    .option("--filter <text>", "only names containing this text")
    .option("--limit <n>", "at most this many names", wholeNumber("--limit", 1), 10_000)
    .action(async (path: string, o: { filter?: string; limit: number }) => {
      const s = open();
      const c = await s.cluster();
      const names: string[] = [];
      let page: ChildrenPage;
      do {
        page = await s.api.json<ChildrenPage>("GET", clusterPath(c, "children"), { query: { path: znodePath(path), offset: names.length, limit: Math.min(PAGE, o.limit - names.length), filter: o.filter } });
        names.push(...page.children);
      } while (page.children.length > 0 && names.length < Math.min(o.limit, page.matched));
      s.print.result({ path: page.path, total: page.total, matched: page.matched, children: names }, () => {
        for (const n of names) s.print.line(n);
        if (names.length < page.matched) s.print.note(`(${names.length} of ${page.matched} shown: --limit to see more)`);
      });
    });

  program.command("get <path>").description("a znode's value and Stat")
    .option("--data", "print only the value, byte for byte (binary safe)")
    .action(async (path: string, o: { data?: boolean }) => {
      const s = open();
      const c = await s.cluster();
      const node = await s.api.json<NodeView>("GET", clusterPath(c, "znode"), { query: { path: znodePath(path) } });
      if (o.data) return s.print.raw(Buffer.from(node.data.base64, "base64"));
      s.print.result(node, () => {
        s.print.table(["FIELD", "VALUE"], [["path", node.path], ...statRows(node.stat)]);
        s.print.line();
        if (node.data.isBinary) s.print.line(`(binary value, ${node.stat.dataLength} bytes: --data for the bytes, --json for base64)`);
        else s.print.line(node.data.text ?? "");
      });
    });

  program.command("set <path> [value]").description("set a znode's value at the version you saw (409 → exit 4 when it moved on)")
    .requiredOption("--version <n>", "the version you read (get shows it)", wholeNumber("--version"))
    .option("--file <file>", "the value from a file (- for stdin), as bytes")
    .option("--reason <text>", "why (kept in the audit trail)")
    .action(async (path: string, value: string | undefined, o: { version: number; file?: string; reason?: string }) => {
      const s = open();
      const c = await s.cluster();
      const r = await s.api.json<{ stat: Stat }>("PUT", clusterPath(c, "znode"), { query: { path: znodePath(path) }, json: { ...valueOf(value, o.file), version: o.version, reason: o.reason } });
      s.print.result(r, () => s.print.line(`set ${path}: now at version ${r.stat.version}`));
    });

  program.command("create <path> [value]").description("create a znode")
    .option("--type <type>", "persistent, persistent_sequential, ephemeral, ephemeral_sequential, container, persistent_ttl, persistent_sequential_ttl", "persistent")
    .option("--ttl <ms>", "time to live of a *_ttl node", wholeNumber("--ttl", 1))
    .option("-p, --parents", "create missing parents too")
    .option("--file <file>", "the value from a file (- for stdin), as bytes")
    .option("--reason <text>", "why (kept in the audit trail)")
    .action(async (path: string, value: string | undefined, o: { type: string; ttl?: number; parents?: boolean; file?: string; reason?: string }) => {
      const s = open();
      const c = await s.cluster();
      const body = { ...valueOf(value, o.file), nodeType: o.type, ttlMs: o.ttl, createParents: !!o.parents, reason: o.reason };
      const r = await s.api.json<{ path: string; parentsCreated?: string[]; stat: Stat }>("POST", clusterPath(c, "znode"), { query: { path: znodePath(path) }, json: body });
      s.print.result(r, () => s.print.line(`created ${r.path}`));
    });

  program.command("rm <path>").description("delete a znode at --version, or a whole subtree with --recursive")
    .option("--version <n>", "the version you read (required without --recursive)", wholeNumber("--version"))
    .option("-r, --recursive", "delete the znode and everything under it")
    .option("--reason <text>", "why (kept in the audit trail)")
    .action(async (path: string, o: { version?: number; recursive?: boolean; reason?: string }) => {
      const s = open();
      if (!o.recursive && o.version === undefined) throw new CliError("rm needs --version <n> (the version you read), or --recursive for a subtree", EXIT.BAD_INPUT);
      const c = await s.cluster();
      const query = o.recursive ? { path: znodePath(path), recursive: "true", confirm: path, reason: o.reason } : { path: znodePath(path), version: o.version, reason: o.reason };
      const r = await s.api.json<{ deleted: string[] | number }>("DELETE", clusterPath(c, "znode"), { query });
      s.print.result(r, () => s.print.line(`deleted ${typeof r.deleted === "number" ? `${r.deleted} znode(s) under and at ${path}` : r.deleted.join(", ")}`));
    });
}
