import { LocalAccountForm } from "@/components/admin/local-account-form";
import { UsersTable } from "@/components/admin/users-table";

export default function UsersPage() {
  return (
    <>
      <h1>Users</h1>
      <UsersTable />
      <LocalAccountForm />
    </>
  );
}
