// Key rotation for sealed cluster secrets (npm run secrets:rotate): every credential and TLS/SASL
// setting is opened with the current CONSOLE_SECRET_KEY and sealed again with the new key, in one audited
// transaction. Nothing changes unless every credential opens: a wrong current key is refused whole.
import "server-only";
import { randomUUID } from "node:crypto";
import { auditedTransaction } from "@/lib/access/audit/chain";
import { recordEvent } from "@/lib/access/audit/record";
import { openCredential, sealCredential } from "@/lib/access/credentials-crypto";
import { keyFrom, KEY_ENV, KEY_HINT } from "@/lib/access/credentials-key";
import { db } from "@/lib/core/db/client";
import { sealedSecrets } from "./sealed-secrets";

export const NEW_KEY_ENV = "CONSOLE_SECRET_KEY_NEW";

/** Re-seal every stored credential under `newValue`; the number re-sealed, or a sentence saying why nothing changed. */
export async function rotateCredentialKey(currentValue: string | undefined, newValue: string | undefined): Promise<{ resealed: number }> {
  const current = keyFrom(currentValue);
  const next = keyFrom(newValue, NEW_KEY_ENV);
  if (!next.key) throw new Error(`${next.problem}: ${KEY_HINT.replace(KEY_ENV, NEW_KEY_ENV)}`);
  const rows = await sealedSecrets(db());
  if (rows.length === 0) return { resealed: 0 };
  if (!current.key) throw new Error(`${rows.length} credential(s) are stored, but ${current.problem}: set it to the key they were sealed with`);
  const opened = rows.map((r) => ({ ...r, plain: openCredential(r.secret, current.key!, r.aad) }));
  const unreadable = opened.filter((r) => r.plain === null);
  if (unreadable.length) throw new Error(`${KEY_ENV} does not open ${unreadable.length} of ${rows.length} stored credential(s) (e.g. "${unreadable[0].label}"): nothing was changed`);
  await auditedTransaction(async (tx) => {
    for (const r of opened) await r.write(tx, sealCredential(r.plain!, next.key!, r.aad));
    await recordEvent({ requestId: randomUUID(), actor: { id: null, name: "secrets:rotate", provider: "console" }, sourceIp: null, operation: "credentials_key_rotated", outcome: "ok", details: { resealed: rows.length } }, tx);
  });
  return { resealed: rows.length };
}
