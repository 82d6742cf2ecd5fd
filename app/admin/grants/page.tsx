import { GrantForm } from "@/components/admin/grant-form";
import { GrantsTable } from "@/components/admin/grants-table";

export default function GrantsPage() {
  return (
    <>
      <h1>Grants</h1>
      <p className="muted">A grant gives a user or an IdP group a role everywhere, on one cluster, or only under a path of one cluster. A user&apos;s global role is set on the Users page.</p>
      <GrantsTable />
      <GrantForm />
    </>
  );
}
