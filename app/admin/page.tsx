import { DefaultRoleForm } from "@/components/admin/default-role-form";
import { VerifyAudit } from "@/components/admin/verify-audit";

export default function AdminPage() {
  return (
    <>
      <h1>Administration</h1>
      <DefaultRoleForm />
      <VerifyAudit />
    </>
  );
}
