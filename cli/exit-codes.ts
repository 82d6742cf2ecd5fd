// The CLI's exit codes: what a pipeline can act on. Documented in `zk-console --help` and the
// README (Automation); an API error maps by its HTTP status (and, for 503, its code).

export const EXIT = {
  OK: 0,
  /** `diff` only: the two subtrees differ (like diff(1)). */
  DIFFERENT: 1,
  /** Usage errors, 400 and 413 answers: fix the command, retrying will not help. */
  BAD_INPUT: 2,
  /** 404: unknown cluster or znode (or no parent). */
  NOT_FOUND: 3,
  /** 409: stale version (BAD_VERSION), node exists, not empty, other conflicts. */
  CONFLICT: 4,
  /** 403: the token's scope or the user's rights, a read-only token or cluster, a ZooKeeper ACL. */
  FORBIDDEN: 5,
  /** 401: no token, or a forged, expired or revoked one, or its user is disabled. */
  UNAUTHENTICATED: 6,
  /** 503, 429, no answer: the console or the cluster is unavailable; retrying later may help. */
  UNAVAILABLE: 7,
  /** 503 OUTCOME_UNKNOWN: a write was sent and its answer lost; read before retrying. */
  OUTCOME_UNKNOWN: 8,
  /** 202: the change touches a protected path and waits for review as a change request. */
  HELD_FOR_REVIEW: 9,
  /** Anything else (500, an answer the CLI does not understand). */
  FAILED: 10,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_HELP = `
Exit codes:
  0   success
  1   diff: the subtrees differ
  2   bad input (usage, 400, 413)
  3   not found (404: cluster, znode, parent)
  4   conflict (409: stale version, node exists, not empty)
  5   forbidden (403: scope, role, read-only token or cluster, ZooKeeper ACL)
  6   unauthenticated (401: missing, forged, expired or revoked token)
  7   unavailable (503, 429, console unreachable or too slow)
  8   outcome unknown (503 OUTCOME_UNKNOWN: read before retrying a write)
  9   held for review (202: a change request was submitted)
  10  any other failure (500, unexpected answer)`;

/** The exit code of an API answer that is not a success. */
export function exitCodeOf(status: number, code?: string): ExitCode {
  if (status === 202) return EXIT.HELD_FOR_REVIEW;
  if (status === 400 || status === 413 || status === 422) return EXIT.BAD_INPUT;
  if (status === 401) return EXIT.UNAUTHENTICATED;
  if (status === 403) return EXIT.FORBIDDEN;
  if (status === 404) return EXIT.NOT_FOUND;
  if (status === 409 || status === 412) return EXIT.CONFLICT;
  if (status === 503 && code === "OUTCOME_UNKNOWN") return EXIT.OUTCOME_UNKNOWN;
  if (status === 429 || status === 502 || status === 503 || status === 504) return EXIT.UNAVAILABLE;
  return EXIT.FAILED;
}

/** A failure the CLI reports on stderr (with the API's code) and exits with. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: ExitCode, readonly code?: string, readonly details?: unknown) {
    super(message);
  }
}
