import type { NoAuthDetails } from "@/lib/acl/client/types";
import { ApiError } from "@/lib/core/client/api-fetch";
import { ErrorBox } from "@/components/error-box";

export const isNoAuth = (error: unknown): error is ApiError => error instanceof ApiError && error.code === "NO_AUTH" && !!error.details;

/** Which ACL blocks the console's ZooKeeper session, what it lacks, who it is and who would be let in. */
export function NoAuthExplanation({ error }: { error: unknown }) {
  if (!isNoAuth(error)) return <ErrorBox error={error} />;
  const d = error.details as NoAuthDetails;
  const letter = d.needed === "create" ? "c" : d.needed === "delete" ? "d" : d.needed === "read" ? "r" : d.needed === "write" ? "w" : "a";
  return (
    <div role="alert" className="error-box no-auth" data-testid="no-auth">
      <strong>ZooKeeper does not let the console {d.needed} {d.node}</strong>
      {d.acl ? (
        <table className="grid-table">
          <caption>ACL of {d.node}</caption>
          <thead><tr><th scope="col">scheme</th><th scope="col">id</th><th scope="col">perms</th></tr></thead>
          <tbody>
            {d.acl.map((e, i) => (
              <tr key={`${e.scheme}:${e.id}:${i}`} className={e.perms.includes(letter) ? "acl-entry-grants" : undefined}>
                <td>{e.scheme}</td><td>{e.id}</td><td><code>{e.perms}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Its ACL is hidden from the console too: ZooKeeper shows an ACL only to sessions with READ or ADMIN on the node.</p>
      )}
      <div>
        The console&apos;s session is:
        <ul className="identity-list">{d.identities.map((i) => <li key={i}>{i}</li>)}</ul>
      </div>
      <p>{error.message}</p>
    </div>
  );
}
