// Signed checkpoints of the audit trail's head, written outside the database: the record count,
// the head record's id and hash and where the keyed chain begins, signed with an Ed25519 key that
// is not in the database either. Verification compares the trail with the latest checkpoint, so
// deleting the newest records, or rewriting records up to the checkpoint and recomputing the
// chain, no longer passes. A checkpoint is written only after the records since the previous one
// verified (it never vouches for a broken chain). Where they go: a JSON-lines file
// (AUDIT_CHECKPOINT_FILE, default data/audit-checkpoints.jsonl) and, when set, a POST to
// AUDIT_CHECKPOINT_WEBHOOK (a copy off this host).
import "server-only";
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { logger } from "@/lib/core/log";
import { redactUrl } from "@/lib/core/redact";
import { readOrCreateSecretFile, secretFilePath } from "@/lib/core/secret-file";

export const CHECKPOINT_FORMAT = "zk-console-audit-checkpoint";

/** What a checkpoint states about the trail at `at`. */
export type CheckpointBody = { format: typeof CHECKPOINT_FORMAT; version: 1; at: string; count: number; headId: number | null; headHash: string | null; keyedFrom: number | null; keyId: string };
export type Checkpoint = CheckpointBody & { signature: string };

const log = logger("audit");
const TAIL_BYTES = 256 * 1024;

export const checkpointFile = () => secretFilePath("AUDIT_CHECKPOINT_FILE", "audit-checkpoints.jsonl");
const signingKeyFile = () => secretFilePath("AUDIT_SIGNING_KEY_FILE", "audit-signing-key.pem");

function signingKey(): KeyObject {
  const pem = readOrCreateSecretFile(signingKeyFile(), () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  return createPrivateKey(pem);
}

/**
 * The key checkpoints are verified with: AUDIT_SIGNING_PUBLIC_KEY_FILE (a verifier that holds only
 * the public half), else the public half of the console's own signing key.
 */
export function verifyingKey(): KeyObject {
  const pub = process.env.AUDIT_SIGNING_PUBLIC_KEY_FILE?.trim();
  return pub ? createPublicKey(fs.readFileSync(pub, "utf8")) : createPublicKey(signingKey());
}

/** The public key as PEM, to hand to whoever verifies checkpoints elsewhere. */
export const publicKeyPem = () => verifyingKey().export({ type: "spki", format: "pem" }).toString();

const keyIdOf = (key: KeyObject) => createHash("sha256").update(createPublicKey(key).export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);

/** The signed bytes: the body's fields in a fixed order. */
const signedBytes = (b: CheckpointBody) => Buffer.from(JSON.stringify([b.format, b.version, b.at, b.count, b.headId, b.headHash, b.keyedFrom, b.keyId]));

export function signCheckpoint(head: Omit<CheckpointBody, "format" | "version" | "at" | "keyId">, at = new Date()): Checkpoint {
  const key = signingKey();
  const body: CheckpointBody = { format: CHECKPOINT_FORMAT, version: 1, at: at.toISOString(), ...head, keyId: keyIdOf(key) };
  return { ...body, signature: sign(null, signedBytes(body), key).toString("base64") };
}

export function signatureValid(c: Checkpoint, key: KeyObject = verifyingKey()): boolean {
  try {
    return c.format === CHECKPOINT_FORMAT && verify(null, signedBytes(c), key, Buffer.from(c.signature, "base64"));
  } catch {
    return false;
  }
}

/** Append to the file and, when configured, send a copy off the host (best effort, logged). */
export async function publishCheckpoint(c: Checkpoint): Promise<void> {
  const file = checkpointFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, JSON.stringify(c) + "\n", { mode: 0o600 });
  const webhook = process.env.AUDIT_CHECKPOINT_WEBHOOK?.trim();
  if (!webhook) return;
  try {
    const res = await fetch(webhook, { method: "POST", headers: { "content-type": "application/json", "user-agent": "zk-console-audit" }, body: JSON.stringify(c), signal: AbortSignal.timeout(5000), redirect: "error" });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (e) {
    log.warn({ webhook: redactUrl(webhook), err: (e as Error).message }, "could not send the audit checkpoint to AUDIT_CHECKPOINT_WEBHOOK");
  }
}

/** The newest line of the checkpoint file (it is read from its end), or null when there is none. */
export function latestCheckpoint(): { checkpoint: Checkpoint; line: string } | { unreadable: string } | null {
  const file = checkpointFile();
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const start = Math.max(0, size - TAIL_BYTES);
    const buf = Buffer.alloc(size - start);
    fs.readSync(fd, buf, 0, buf.length, start);
    const lines = buf.toString("utf8").split("\n").filter((l) => l.trim());
    const last = lines.at(-1);
    if (!last) return null;
    try {
      return { checkpoint: JSON.parse(last) as Checkpoint, line: last };
    } catch {
      return { unreadable: `the last line of ${file} is not a checkpoint (not JSON): the file was edited or cut short` };
    }
  } finally {
    fs.closeSync(fd);
  }
}
