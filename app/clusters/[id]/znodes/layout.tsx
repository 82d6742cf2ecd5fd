import type { ReactNode } from "react";
import { NoticeProvider } from "@/components/editing/notices";

// Wraps every znode page, so a write's outcome stays visible across the navigation it causes.
export default function ZnodesLayout({ children }: { children: ReactNode }) {
  return <NoticeProvider>{children}</NoticeProvider>;
}
