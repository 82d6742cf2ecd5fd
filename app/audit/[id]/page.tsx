import { notFound } from "next/navigation";
import { AuditEntryView } from "./client";

export default async function AuditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  return <AuditEntryView id={id} />;
}
