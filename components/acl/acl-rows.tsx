"use client";

import { defaultIdFor, duplicateKeys, rowProblem, type DraftEntry } from "@/lib/acl/draft";
import { SCHEMES } from "@/lib/core/zk/acl-ids";
import { PermToggles } from "./perm-toggles";

const ID_HINTS: Record<string, string> = {
  world: "anyone",
  auth: "(the session's own identities)",
  digest: "user:base64(sha1(user:password))",
  ip: "10.0.0.0/8 or fd00::/8",
  x509: "CN=client,OU=ops,O=Example",
  sasl: "zkclient/host@EXAMPLE.COM",
};

type Props = { entries: DraftEntry[]; onChange: (entries: DraftEntry[]) => void };

/** The editable ACL: scheme, id (checked per scheme as you type) and permission toggles per entry. */
export function AclRows({ entries, onChange }: Props) {
  const duplicates = duplicateKeys(entries);
  const update = (key: string, patch: Partial<DraftEntry>) => onChange(entries.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  return (
    <table className="acl-rows" data-testid="acl-rows">
      <caption className="muted">Entries (perms: c create, d delete, r read, w write, a admin)</caption>
      <thead>
        <tr><th scope="col">scheme</th><th scope="col">id</th><th scope="col">perms</th><th scope="col"><span className="muted">remove</span></th></tr>
      </thead>
      <tbody>
        {entries.map((e, i) => {
          const problem = rowProblem(e) ?? (duplicates.has(e.key) ? `${e.scheme}:${e.id} is already an entry above: combine their permissions` : null);
          const n = i + 1;
          return (
            <tr key={e.key} data-testid="acl-row">
              <td>
                <select aria-label={`Scheme of entry ${n}`} value={e.scheme} onChange={(ev) => update(e.key, { scheme: ev.target.value, id: defaultIdFor(ev.target.value, e.id) })}>
                  {SCHEMES.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </td>
              <td className="id-cell">
                <input type="text" aria-label={`Id of entry ${n}`} value={e.scheme === "auth" ? "" : e.id} placeholder={ID_HINTS[e.scheme]} disabled={e.scheme === "world" || e.scheme === "auth"}
                  onChange={(ev) => update(e.key, { id: ev.target.value })} aria-invalid={problem ? true : undefined} spellCheck={false} autoComplete="off" />
                {problem && <div className="problem" role="note">{problem}</div>}
              </td>
              <td><PermToggles perms={e.perms} label={`Permissions of entry ${n}`} onChange={(perms) => update(e.key, { perms })} /></td>
              <td>
                <button type="button" className="link-button" aria-label={`Remove entry ${n}`} onClick={() => onChange(entries.filter((x) => x.key !== e.key))}>×</button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
