// zk-console: the console's API for scripts and pipelines, with an API token (see README,
// Automation). Human tables by default, --json for scripts, exit codes by failure (exit-codes.ts).
import { Command, CommanderError } from "commander";
import { registerAuditCommands } from "./commands/audit";
import { registerDiffCommand } from "./commands/diff";
import { registerTransferCommands } from "./commands/transfer";
import { registerZnodeCommands } from "./commands/znodes";
import { CliError, EXIT, EXIT_HELP } from "./exit-codes";
import { safe } from "./output";
import { openSession, type GlobalOptions, type Io } from "./session";

const ENV_HELP = `
Environment:
  ZK_CONSOLE_URL      the console's address (--url)
  ZK_CONSOLE_TOKEN    an API token, zkc_… (--token; the environment keeps it out of ps)
  ZK_CONSOLE_CLUSTER  the cluster by name or id (--cluster)`;

function buildProgram(io: Io, exitWith: (code: number) => void): Command {
  const program = new Command("zk-console")
    .description("Read and change ZooKeeper through the console's API, authorized and audited as the token.")
    .option("--url <url>", "the console's address", io.env.ZK_CONSOLE_URL ?? "http://localhost:3000")
    .option("--token <token>", "API token (default: $ZK_CONSOLE_TOKEN)")
    .option("-c, --cluster <name|id>", "the cluster (default: $ZK_CONSOLE_CLUSTER, or the only one the token sees)")
    .option("--json", "print JSON for scripts instead of tables")
    .option("--timeout <ms>", "how long to wait for the console", "60000")
    .addHelpText("after", ENV_HELP + "\n" + EXIT_HELP)
    .showHelpAfterError("(zk-console --help for usage)")
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  const open = () => openSession(program.opts<GlobalOptions>(), io, exitWith);
  registerZnodeCommands(program, open);
  registerTransferCommands(program, open);
  registerDiffCommand(program, open);
  registerAuditCommands(program, open);
  for (const c of [program, ...program.commands]) c.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  return program;
}

/** Runs the CLI on its arguments; answers the exit code (never exits the process itself). */
export async function run(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  let code: number = EXIT.OK;
  try {
    await buildProgram(io, (c) => (code = c)).parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.OK : EXIT.BAD_INPUT;
    if (e instanceof CliError) {
      if (argv.includes("--json")) io.stderr.write(JSON.stringify({ error: { code: e.code ?? null, message: e.message, exitCode: e.exitCode, ...(e.details ? { details: e.details } : {}) } }) + "\n");
      else io.stderr.write(`zk-console: ${safe(e.message)}${e.code ? ` (${e.code})` : ""}\n`);
      return e.exitCode;
    }
    io.stderr.write(`zk-console: ${safe((e as Error)?.stack ?? e)}\n`);
    return EXIT.FAILED;
  }
}
