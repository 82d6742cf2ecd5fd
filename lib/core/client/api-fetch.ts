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
  return payload as T;
}

export function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" ? error.code : "HTTP_" + status;
  const message = typeof error?.message === "string" ? error.message : `request failed with status ${status}`;
  const details = error?.details && typeof error.details === "object" ? (error.details as Record<string, unknown>) : undefined;
  return new ApiError(status, code, message, details);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "something went wrong";
}
