import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminsOnly } from "@/components/admin/forbidden";
import { isGlobalAdmin } from "@/lib/access/permissions";
import { currentActor } from "@/lib/access/session";

/** Server-side gate of the admin and audit pages: sign in first; admins only. */
export async function AdminGuard({ children, from }: { children: ReactNode; from: string }) {
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(from)}`);
  return isGlobalAdmin(actor) ? <>{children}</> : <AdminsOnly />;
}
