import { GrantForm } from "@/components/admin/grant-form";
import { GrantsTable } from "@/components/admin/grants-table";
import { GroupsTable } from "@/components/admin/groups-table";

export default function GroupsPage() {
  return (
    <>
      <h1>Group mappings</h1>
      <p className="muted">Members of an IdP group get the roles mapped to it, at every sign-in (groups come from the {process.env.OIDC_GROUPS_CLAIM || "groups"} claim).</p>
      <GroupsTable />
      <GrantsTable only="group" />
      <GrantForm subjectType="group" />
    </>
  );
}
