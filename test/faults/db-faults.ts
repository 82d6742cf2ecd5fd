// Real file-system failures of the console's SQLite database: a read-only directory or file
// (chattr +i as root, whom permissions do not stop; chmod otherwise), the file moved away, and a
// lock held by another process, as a stuck writer or a backup tool holds it.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const isRoot = process.getuid?.() === 0;

/** Make `path` (file or directory) unwritable for this process, or writable again. */
export function setReadOnly(path: string, readOnly: boolean): void {
  if (isRoot) {
    try {
      execFileSync("chattr", [readOnly ? "+i" : "-i", path], { stdio: "pipe" });
    } catch (e) {
      throw new Error(`chattr ${readOnly ? "+i" : "-i"} ${path} failed (the file system must support it, e.g. ext4, not tmpfs): ${(e as { stderr?: Buffer }).stderr?.toString() ?? e}`);
    }
  } else {
    const mode = fs.statSync(path).mode;
    fs.chmodSync(path, readOnly ? mode & ~0o222 : mode | 0o200);
  }
}

/**
 * A fresh directory where setReadOnly works: the system temp dir, or (as root on a file system
 * without chattr, e.g. tmpfs) one under the project's git-ignored data/ folder.
 */
export function faultsTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (!isRoot) return dir;
  try {
    execFileSync("lsattr", ["-d", dir], { stdio: "pipe" });
    return dir;
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(process.cwd(), "data"), { recursive: true });
    return fs.mkdtempSync(path.join(process.cwd(), "data", prefix));
  }
}

export type HeldLock = { release(): Promise<void> };

/**
 * Another process takes the database's lock: IMMEDIATE blocks writers (readers go on),
 * EXCLUSIVE blocks everyone. Held until release().
 */
export async function holdDatabaseLock(file: string, mode: "IMMEDIATE" | "EXCLUSIVE"): Promise<HeldLock> {
  const sqlite = createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
  const script = `const D = require(${JSON.stringify(sqlite)}); const db = new D(process.argv[1], { timeout: 10000 });
db.exec("BEGIN ${mode}"); if ("${mode}" === "EXCLUSIVE") db.prepare("select count(*) from sqlite_master").get();
process.stdout.write("locked\\n"); process.stdin.on("end", () => { db.exec("ROLLBACK"); db.close(); process.exit(0); }); process.stdin.resume();`;
  const child = spawn(process.execPath, ["-e", script, file], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (b: Buffer) => b.toString().includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return {
    release: () => new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.stdin.end();
    }),
  };
}
