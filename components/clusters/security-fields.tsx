"use client";

import type { Cluster } from "@/lib/clusters/client/types";
import { PemField } from "./pem-field";
import { fileAsBase64, type SaslMode, type SecurityDraft, type TlsMode } from "./security-draft";

type CertFacts = NonNullable<Cluster["security"]["tls"]>["ca"];
type Props = { draft: SecurityDraft; onChange: (patch: Partial<SecurityDraft>) => void; idPrefix: string; stored?: Cluster["security"] };

const date = (iso: string) => iso.slice(0, 10);
const cert = (what: string, c: CertFacts) => `${what} ${c.subject} (issued by ${c.issuer}, expires ${date(c.validTo)})`;

/** What is stored, as everyone may see it: "set" and the certificates' facts, never a secret. */
function StoredSecurity({ stored }: { stored: Cluster["security"] }) {
  const { tls, sasl } = stored;
  return (
    <p className="muted" data-testid="stored-security">
      TLS: {tls ? `set; ${cert("CA", tls.ca)}${tls.client ? `; ${cert("client certificate", tls.client)}` : "; no client certificate"}${tls.verifyHostname ? "" : "; host names not verified"}` : "off"}.{" "}
      SASL: {sasl ? `set; ${sasl.mechanism === "DIGEST-MD5" ? `DIGEST-MD5 as ${sasl.username}` : `GSSAPI as ${sasl.principal}${sasl.serviceName ? `, service ${sasl.serviceName}` : ""}`}` : "off"}.
    </p>
  );
}

export function SecurityFields({ draft, onChange, idPrefix, stored }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <fieldset className="security-fields">
      <legend>Security</legend>
      {stored && <StoredSecurity stored={stored} />}
      <div className="fields">
        <label className="field" htmlFor={id("tls")}>
          <span>TLS</span>
          <select id={id("tls")} aria-label="TLS" value={draft.tls} onChange={(e) => onChange({ tls: e.target.value as TlsMode })}>
            {stored?.tls && <option value="keep">keep the stored settings</option>}
            <option value="off">{stored?.tls ? "remove (plain clientPort)" : "off (plain clientPort)"}</option>
            <option value="on">{stored?.tls ? "replace (secureClientPort)" : "on (secureClientPort)"}</option>
          </select>
        </label>
        <label className="field" htmlFor={id("sasl")}>
          <span>SASL</span>
          <select id={id("sasl")} aria-label="SASL" value={draft.sasl} onChange={(e) => onChange({ sasl: e.target.value as SaslMode })}>
            {stored?.sasl && <option value="keep">keep the stored settings</option>}
            <option value="off">{stored?.sasl ? "remove" : "off"}</option>
            <option value="DIGEST-MD5">DIGEST-MD5 (user and password)</option>
            <option value="GSSAPI">GSSAPI (Kerberos)</option>
          </select>
        </label>
      </div>
      {draft.tls === "on" && (
        <div className="fields">
          <PemField id={id("ca")} label="CA certificate (PEM)" value={draft.caPem} onChange={(caPem) => onChange({ caPem })} required />
          <PemField id={id("cert")} label="Client certificate (PEM, optional)" value={draft.certPem} onChange={(certPem) => onChange({ certPem })} />
          <PemField id={id("key")} label="Client key (PEM, optional)" value={draft.keyPem} onChange={(keyPem) => onChange({ keyPem })} placeholder="-----BEGIN PRIVATE KEY-----" />
          <label className="field" htmlFor={id("key-password")}>
            <span>Key password <span className="muted">(encrypted key only)</span></span>
            <input id={id("key-password")} type="password" autoComplete="off" value={draft.keyPassword} onChange={(e) => onChange({ keyPassword: e.target.value })} />
          </label>
          <label className="field checkbox" htmlFor={id("verify-host")}>
            <input id={id("verify-host")} type="checkbox" checked={draft.verifyHostname} onChange={(e) => onChange({ verifyHostname: e.target.checked })} />
            <span>Verify host name</span>
          </label>
        </div>
      )}
      {draft.sasl === "DIGEST-MD5" && (
        <div className="fields">
          <label className="field" htmlFor={id("sasl-user")}>
            <span>SASL user</span>
            <input id={id("sasl-user")} autoComplete="off" value={draft.username} onChange={(e) => onChange({ username: e.target.value })} required />
          </label>
          <label className="field" htmlFor={id("sasl-password")}>
            <span>SASL password</span>
            <input id={id("sasl-password")} type="password" autoComplete="new-password" value={draft.password} onChange={(e) => onChange({ password: e.target.value })} required />
          </label>
        </div>
      )}
      {draft.sasl === "GSSAPI" && (
        <div className="fields">
          <label className="field" htmlFor={id("principal")}>
            <span>Kerberos principal</span>
            <input id={id("principal")} placeholder="zk-console@EXAMPLE.COM" autoComplete="off" value={draft.principal} onChange={(e) => onChange({ principal: e.target.value })} required />
          </label>
          <label className="field" htmlFor={id("keytab")}>
            <span>Keytab file {draft.keytabName && <span className="muted">({draft.keytabName} read)</span>}</span>
            <input id={id("keytab")} type="file" onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) onChange({ keytabBase64: await fileAsBase64(file), keytabName: file.name });
            }} />
          </label>
          <label className="field" htmlFor={id("service")}>
            <span>Service name <span className="muted">(default zookeeper)</span></span>
            <input id={id("service")} placeholder="zookeeper" value={draft.serviceName} onChange={(e) => onChange({ serviceName: e.target.value })} />
          </label>
        </div>
      )}
    </fieldset>
  );
}
