import { notFound } from "next/navigation";
import { ChangeReview } from "./client";

export default async function ChangeRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  return <ChangeReview id={id} />;
}
