import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminGuard } from "@/components/admin/admin-guard";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <AdminGuard from="/admin">
      <div className="page">
        <AdminNav />
        {children}
      </div>
    </AdminGuard>
  );
}
