import type { AclEntry } from "@/lib/znodes/client/types";

export function AclTable({ acl }: { acl: AclEntry[] }) {
  return (
    <table className="grid-table" data-testid="acl-table">
      <caption>ACL</caption>
      <thead>
        <tr>
          <th scope="col">scheme</th>
          <th scope="col">id</th>
          <th scope="col">perms</th>
        </tr>
      </thead>
      <tbody>
        {acl.length === 0 ? (
          <tr>
            <td colSpan={3} className="muted">No ACL entries</td>
          </tr>
        ) : (
          acl.map((entry, index) => (
            <tr key={`${entry.scheme}:${entry.id}:${index}`}>
              <td>{entry.scheme}</td>
              <td>{entry.id}</td>
              <td><code>{entry.perms}</code></td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
