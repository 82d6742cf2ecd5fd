// One fetch wrapper: JSON in and out, API errors become ApiError with the server's message.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The server's structured details, e.g. the current value on a version conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Options = { method?: string; body?: unknown; signal?: AbortSignal };

export async function apiFetch<T>(url: string, { method = "GET", body, signal }: Options = {}): Promise<T> {
  const res = await fetch(url, {
    method,
    signal,
    headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  const payload: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res.status, payload);
  if (res.status === 202) throwIfHeldForReview(payload);
  return payload as T;
}

export function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" ? error.code : "HTTP_" + status;
  const message = typeof error?.message === "string" ? error.message : `request failed with status ${status}`;
  const details = error?.details && typeof error.details === "object" ? (error.details as Record<string, unknown>) : undefined;
  return new ApiError(status, code, message, details);
}

/** The code of a write held for review under a protected path (202 { changeRequestId, status: "pending" }). */
export const CHANGE_REQUEST_PENDING = "CHANGE_REQUEST_PENDING";

/**
 * A write under a protected path is answered 202 and not applied: it reaches the caller as this
 * ApiError, so every write's error display says so (and links the request) instead of a success.
 */
export function throwIfHeldForReview(payload: unknown): void {
  const held = payload as { changeRequestId?: unknown; message?: unknown } | null;
  if (typeof held?.changeRequestId !== "number") return;
  throw new ApiError(202, CHANGE_REQUEST_PENDING, typeof held.message === "string" ? held.message : `submitted as change request #${held.changeRequestId}`, { changeRequestId: held.changeRequestId });
}

/** The change request a write became, when it was held for review. */
export function heldForReview(error: unknown): number | null {
  return error instanceof ApiError && error.code === CHANGE_REQUEST_PENDING && typeof error.details?.changeRequestId === "number" ? error.details.changeRequestId : null;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "something went wrong";
}
