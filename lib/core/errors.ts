// Typed domain errors. Mapped to HTTP in exactly one place: lib/core/http/error-response.ts.
export class ConsoleError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ConsoleError";
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new ConsoleError("BAD_REQUEST", 400, message, details);
export const notFound = (message: string) => new ConsoleError("NOT_FOUND", 404, message);
export const unavailable = (message: string) => new ConsoleError("CLUSTER_UNAVAILABLE", 503, message);
