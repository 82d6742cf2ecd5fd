"use client";

import Link from "next/link";
import { useSession } from "next-auth/react";
import { useChangeInbox } from "@/lib/changes/client/use-change-inbox";

/** The header's Changes link with the number of requests waiting for the user's review. */
export function ChangesLink() {
  const { status } = useSession();
  const inbox = useChangeInbox(status === "authenticated");
  if (status !== "authenticated") return null;
  const waiting = inbox.data?.pendingReviews ?? 0;
  return (
    <Link href="/changes" data-testid="changes-link">
      Changes
      {waiting > 0 && <span className="badge env-staging" data-testid="pending-reviews" aria-label={`${waiting} waiting for your review`}> {waiting}</span>}
    </Link>
  );
}
