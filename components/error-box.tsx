import Link from "next/link";
import { ApiError, errorMessage, heldForReview } from "@/lib/core/client/api-fetch";

const TITLES: Record<number, string> = {
  400: "Invalid request",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found",
  503: "Cluster unavailable",
};

export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  const changeRequestId = heldForReview(error);
  if (changeRequestId !== null) {
    return (
      <div role="status" className="notice-box" data-testid="held-for-review">
        <strong>Submitted for review</strong>
        <p>{errorMessage(error)}</p>
        <Link href={`/changes/${changeRequestId}`}>Open change request #{changeRequestId}</Link>
      </div>
    );
  }
  const status = error instanceof ApiError ? error.status : undefined;
  const heading = title ?? (status && TITLES[status]) ?? "Something went wrong";
  return (
    <div role="alert" className="error-box">
      <strong>{heading}</strong>
      <p>{errorMessage(error)}</p>
    </div>
  );
}
