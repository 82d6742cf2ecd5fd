// npm run ensemble:config -- --size 5 --hosts a,b,c,d,e [--observers 1] [--reconfig] [--data-dir /var/lib/zookeeper] --out dir
// Writes zoo.cfg, myid and a systemd unit per member (member-<id>/) through lib/ensemble's generator.
import fs from "node:fs";
import path from "node:path";
import { ZodError } from "zod";
import { ConsoleError } from "../lib/core/errors";
import { generateDeployment } from "../lib/ensemble/generate-deployment";

const USAGE = "usage: npm run ensemble:config -- --size N --hosts h1,h2,... [--observers K] [--reconfig] [--data-dir DIR] [--whitelist LIST] --out DIR";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const size = Number(arg("size"));
const hosts = (arg("hosts") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
const observers = Number(arg("observers") ?? 0);
const out = arg("out");
if (!Number.isInteger(size) || size < 1) fail(`--size must be a whole number\n${USAGE}`);
if (hosts.length !== size) fail(`--hosts lists ${hosts.length} host(s) but --size is ${size}: give one host per member\n${USAGE}`);
if (!Number.isInteger(observers) || observers < 0 || observers >= size) fail(`--observers must be 0 to ${size - 1}`);
if (!out) fail(`--out is required\n${USAGE}`);

try {
  const result = generateDeployment({
    // host[:clientPort:quorumPort:electionPort] lets several members share a host.
    members: hosts.map((h, i) => {
      const [host, client, quorum, election] = h.split(":");
      return {
        id: i + 1, host, observer: i >= size - observers,
        ...(client ? { clientPort: Number(client), quorumPort: Number(quorum), electionPort: Number(election), adminPort: null } : {}),
      };
    }),
    reconfigEnabled: process.argv.includes("--reconfig"),
    ...(arg("data-dir") ? { dataDir: arg("data-dir") } : {}),
    ...(arg("whitelist") ? { fourLetterWhitelist: arg("whitelist") } : {}),
  });
  for (const f of result.files) {
    const file = path.join(out, f.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.content);
  }
  for (const w of result.warnings) console.warn(`warning: ${w}`);
  console.log(`wrote ${result.files.length} files for ${size} members to ${path.resolve(out)}`);
  console.log(`connection string: ${result.connectionString}`);
} catch (e) {
  if (e instanceof ConsoleError) fail(`invalid ensemble:\n${((e.details?.errors as string[]) ?? [e.message]).map((x) => `  - ${x}`).join("\n")}`, 1);
  if (e instanceof ZodError) fail(`invalid input: ${e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, 1);
  throw e;
}
