"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
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

type TextKey = "keyPassword" | "username" | "password" | "principal" | "serviceName";
type TextProps = { id: string; label: ReactNode; name: TextKey; draft: SecurityDraft; onChange: Props["onChange"] } & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "value" | "onChange">;

/** One text setting of the draft, with its label. */
function DraftText({ id, label, name, draft, onChange, ...input }: TextProps) {
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <input id={id} {...input} value={draft[name]} onChange={(e) => onChange({ [name]: e.target.value })} />
    </label>
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
          <DraftText id={id("key-password")} label={<>Key password <span className="muted">(encrypted key only)</span></>} name="keyPassword" draft={draft} onChange={onChange} type="password" autoComplete="off" />
          <label className="field checkbox" htmlFor={id("verify-host")}>
            <input id={id("verify-host")} type="checkbox" checked={draft.verifyHostname} onChange={(e) => onChange({ verifyHostname: e.target.checked })} />
            <span>Verify host name</span>
          </label>
        </div>
      )}
      {draft.sasl === "DIGEST-MD5" && (
        <div className="fields">
          <DraftText id={id("sasl-user")} label="SASL user" name="username" draft={draft} onChange={onChange} autoComplete="off" required />
          <DraftText id={id("sasl-password")} label="SASL password" name="password" draft={draft} onChange={onChange} type="password" autoComplete="new-password" required />
        </div>
      )}
      {draft.sasl === "GSSAPI" && (
        <div className="fields">
          <DraftText id={id("principal")} label="Kerberos principal" name="principal" draft={draft} onChange={onChange} placeholder="zk-console@EXAMPLE.COM" autoComplete="off" required />
          <label className="field" htmlFor={id("keytab")}>
            <span>Keytab file {draft.keytabName && <span className="muted">({draft.keytabName} read)</span>}</span>
            <input id={id("keytab")} type="file" onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) onChange({ keytabBase64: await fileAsBase64(file), keytabName: file.name });
            }} />
          </label>
          <DraftText id={id("service")} label={<>Service name <span className="muted">(default zookeeper)</span></>} name="serviceName" draft={draft} onChange={onChange} placeholder="zookeeper" />
        </div>
      )}
    </fieldset>
  );
}
