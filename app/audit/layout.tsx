import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminGuard } from "@/components/admin/admin-guard";

export default function AuditLayout({ children }: { children: ReactNode }) {
  return (
    <AdminGuard from="/audit">
      <AdminNav />
      {children}
    </AdminGuard>
  );
}
