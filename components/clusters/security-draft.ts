// The Security section of the cluster forms as a draft, and the draft as the API's `tls`/`sasl`
// fields: absent keeps what is stored, `null` removes it, an object replaces it. Secrets are typed
// in (or read from a file) and sent once; the stored ones are never shown, only their facts.
import type { Cluster, ClusterSecurityInput } from "@/lib/clusters/client/types";

export type TlsMode = "keep" | "off" | "on";
export type SaslMode = "keep" | "off" | "DIGEST-MD5" | "GSSAPI";

export type SecurityDraft = {
  tls: TlsMode;
  caPem: string;
  certPem: string;
  keyPem: string;
  keyPassword: string;
  verifyHostname: boolean;
  sasl: SaslMode;
  username: string;
  password: string;
  principal: string;
  keytabBase64: string;
  keytabName: string;
  serviceName: string;
};

export const EMPTY_SECURITY: SecurityDraft = {
  tls: "off", caPem: "", certPem: "", keyPem: "", keyPassword: "", verifyHostname: true,
  sasl: "off", username: "", password: "", principal: "", keytabBase64: "", keytabName: "", serviceName: "",
};

/** A stored cluster's draft: its settings kept until the operator replaces or removes them. */
export function securityDraftOf(security: Cluster["security"]): SecurityDraft {
  return { ...EMPTY_SECURITY, tls: security.tls ? "keep" : "off", verifyHostname: security.tls?.verifyHostname ?? true, sasl: security.sasl ? "keep" : "off" };
}

const text = (s: string) => s.trim() || undefined;

/**
 * The draft as request fields. `stored`: what the cluster has now (edit form), so "off" removes
 * only what exists; a new cluster sends nothing for "off".
 */
export function securityInput(d: SecurityDraft, stored?: Cluster["security"]): ClusterSecurityInput {
  const out: ClusterSecurityInput = {};
  if (d.tls === "on") {
    out.tls = { caPem: d.caPem, verifyHostname: d.verifyHostname, ...(text(d.certPem) ? { certPem: d.certPem } : {}), ...(text(d.keyPem) ? { keyPem: d.keyPem } : {}), ...(d.keyPassword ? { keyPassword: d.keyPassword } : {}) };
  } else if (d.tls === "off" && stored?.tls) out.tls = null;
  if (d.sasl === "DIGEST-MD5") out.sasl = { mechanism: "DIGEST-MD5", username: d.username.trim(), password: d.password };
  else if (d.sasl === "GSSAPI") out.sasl = { mechanism: "GSSAPI", principal: d.principal.trim(), keytabBase64: d.keytabBase64, ...(text(d.serviceName) ? { serviceName: d.serviceName.trim() } : {}) };
  else if (d.sasl === "off" && stored?.sasl) out.sasl = null;
  return out;
}

/** A keytab file as the base64 text the API takes. */
export async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
