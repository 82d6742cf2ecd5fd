// The one catalogue of the console's errors: each error with its code, HTTP status and operator
// sentence, defined here once. Call sites name the error (`errors.staleVersion(...)`), never a
// status number (test/error-catalogue.test.ts); lib/core/http/error-response.ts is the one place
// that turns them into HTTP answers. ZooKeeper's own codes are at the end (ZK_ERRORS).
export type Details = Record<string, unknown>;

export class ConsoleError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Details,
  ) {
    super(message);
    this.name = "ConsoleError";
  }
}

const e = (code: string, status: number) => (message: string, details?: Details) => new ConsoleError(code, status, message, details);
const badRequest = e("BAD_REQUEST", 400);
const forbiddenPath = e("FORBIDDEN_PATH", 403);
const noNode = e("NO_NODE", 404);
const badVersion = e("BAD_VERSION", 409);
const tooLarge = e("PAYLOAD_TOO_LARGE", 413);
const clusterUnavailable = e("CLUSTER_UNAVAILABLE", 503);
const reasonRequired = (message: string) => new ConsoleError("REASON_REQUIRED", 400, message, { field: "reason" });
const FORCE_HINT = 'nothing was saved; correct the settings, or save anyway with "force": true ("Save anyway" in the form)';

export const errors = {
  // Requests
  /** A broken input rule; the sentence names the rule. */
  badRequest,
  invalidInput: (where: string, message: string, issues: { path: string; message: string }[]) => badRequest(`${where}${message}`, { issues }),
  repeatedQueryParameter: (name: string) => badRequest(`the query parameter ${JSON.stringify(name)} is given more than once (rule: each query parameter at most once)`),
  bodyNotUtf8: () => badRequest("the request body is not valid UTF-8 (rule: JSON bodies are UTF-8 text; send binary values base64-encoded)"),
  bodyTooDeep: (max: number) => badRequest(`the request body nests deeper than ${max} levels (rule: JSON bodies may nest at most ${max} arrays/objects deep)`),
  bodyNotJson: () => badRequest("the request body is not valid JSON"),
  bodyTooLarge: (maxBytes: number) => tooLarge(`the request body is larger than ${maxBytes} bytes (rule: request bodies are limited to ${maxBytes} bytes)`),
  crossSiteRefused: (why: string) => new ConsoleError("CSRF_REFUSED", 403, `refused a cross-site request (rule: state-changing requests must come from the console's own origin): ${why}`),
  internal: (requestId: string) => new ConsoleError("INTERNAL", 500, `internal error (request id ${requestId}); see the server log`),
  configInvalid: (message: string) => new ConsoleError("CONFIG_INVALID", 500, message),
  databaseUnavailable: (why: string) => new ConsoleError("DATABASE_UNAVAILABLE", 503, `the console's database cannot be used right now: ${why}. ZooKeeper itself is not affected; try again shortly or check the database (its file, or its PostgreSQL server)`),

  // Who may do what
  unauthenticated: () => new ConsoleError("UNAUTHENTICATED", 401, "sign in first: this endpoint needs a console session"),
  /** A Bearer token that stands for no one; `why` says which: unknown, expired, revoked, its user disabled. */
  tokenRefused: (why: string) => new ConsoleError("UNAUTHENTICATED", 401, `the API token was refused: ${why}`),
  tokenReadOnly: (method: string) => new ConsoleError("TOKEN_READ_ONLY", 403, `this API token is read-only: it may send GET requests only, not ${method}`),
  sessionRequired: (what: string) => new ConsoleError("SESSION_REQUIRED", 403, `API tokens may not ${what}: sign in to the console to do it`),
  rateLimited: (who: string, limit: number, retryAfterSeconds: number) =>
    new ConsoleError("RATE_LIMITED", 429, `${who} sent more than ${limit} requests a minute; try again in ${retryAfterSeconds} s`, { retryAfterSeconds }),
  metricsUnauthenticated: () => new ConsoleError("UNAUTHENTICATED", 401, "/metrics needs an API token with the metrics scope (Authorization: Bearer zkc_…), or a client address in METRICS_ALLOW"),
  metricsRefused: () => new ConsoleError("FORBIDDEN", 403, "/metrics needs an API token with the metrics scope (Authorization: Bearer), or a client address in METRICS_ALLOW"),
  forbidden: (verb: string, path: string, cluster: string) => new ConsoleError("FORBIDDEN", 403, `you may not ${verb} ${path} on cluster "${cluster}"; ask an admin for a grant`),
  adminOnly: (what: string) => new ConsoleError("FORBIDDEN", 403, `only an admin may ${what}`),
  /** Something named by id that does not exist (or that the caller may not know of). */
  notFound: e("NOT_FOUND", 404),
  noSuchApiRoute: (method: string, path: string) => new ConsoleError("NOT_FOUND", 404, `no API route answers ${method} ${path.slice(0, 200)} (the routes are listed in the README's API table)`),
  clusterNotFound: (id: string) => new ConsoleError("NOT_FOUND", 404, `no cluster with id ${JSON.stringify(id)} is registered`),
  readOnlyCluster: (name: string) => new ConsoleError("READ_ONLY_CLUSTER", 403, `cluster "${name}" is registered read-only; an admin can change that in the cluster settings`),
  rootNotDeletable: () => forbiddenPath("the root znode / cannot be deleted"),
  zookeeperTree: (path: string) => forbiddenPath(`${path} belongs to ZooKeeper itself (quotas and config); the console does not change it`),
  notRecursivelyDeletable: (path: string) => forbiddenPath(`${path} cannot be deleted recursively`),
  notCopyable: (path: string) => forbiddenPath(`${path} cannot be copied or moved as a whole; pick a subtree`),
  reasonRequired: (cluster: { name: string; environment: string }) =>
    reasonRequired(`reason is required: cluster "${cluster.name}" is a ${cluster.environment} cluster, so every change must say why (send the "reason" field)`),
  overrideReasonRequired: (path: string) => reasonRequired(`reason is required to override the lockout guard on ${path}: say why the console may lose ADMIN there (send "reason")`),
  auditUnavailable: () => new ConsoleError("AUDIT_UNAVAILABLE", 503, "the change was refused because the audit trail cannot be written; check the console's database"),

  /** A live stream past a limit (per user or for the server); the sentence names the limit and its variable. */
  tooManyLiveStreams: (message: string, details: Details) => new ConsoleError("TOO_MANY_STREAMS", 429, message, details),

  // Cluster sessions
  clusterUnavailable,
  clusterUnreachable: (connectionString: string, timeoutMs: number) => clusterUnavailable(`cluster unreachable: no ZooKeeper server at ${connectionString} answered within ${timeoutMs} ms`),
  notSentBeforeWrite: (why: string) => clusterUnavailable(`cluster unavailable: ${why} while the console prepared the change, before anything was written; nothing changed, try again`),
  /** A read lost its connection: what the rest of the outage answers too. */
  readConnectionLost: () => clusterUnavailable("cluster unavailable: the connection to ZooKeeper was lost before it answered; the console reconnects on its own, try again"),
  /** A read-back after a lost answer showed the write did not land: nothing changed, as when the cluster is unavailable before a write. */
  notApplied: (why: string, operation: string, path: string) =>
    clusterUnavailable(`cluster unavailable: ${why}; the console read ${path} back after reconnecting: the ${operation} was not applied, nothing changed. Try again`),
  outcomeUnknown: (why: string, operation: string, path: string, cause: string) =>
    new ConsoleError("OUTCOME_UNKNOWN", 503, `${why}: the ${operation} of ${path} may or may not have been applied; reload it to check before trying again`, { cause }),
  credentialsLocked: (cluster: string, count: number, problem: string, hint: string) =>
    new ConsoleError("CREDENTIALS_LOCKED", 503, `cluster "${cluster}" has ${count} stored ZooKeeper credential(s), but they cannot be decrypted: ${problem}. ${hint} (the key they were stored with) and restart the console`),
  credentialUndecryptable: (label: string, cluster: string, keyEnv: string) =>
    new ConsoleError("CREDENTIALS_LOCKED", 503, `the ZooKeeper credential "${label}" of cluster "${cluster}" does not decrypt: ${keyEnv} is not the key it was stored with`),
  /** The console's session may not do it by the node's ACL; the sentence explains which ACL and identities. */
  noAuth: (message: string, details: Details) => new ConsoleError("NO_AUTH", 403, message, details),

  // Znodes
  invalidPath: (path: string, rule: string) => new ConsoleError("INVALID_PATH", 400, `invalid znode path ${JSON.stringify(path)}: ${rule}`),
  noNode: (path?: string) => noNode(`znode ${path ?? ""} does not exist`.replace("  ", " ")),
  deletedMeanwhile: (path: string) => noNode(`znode ${path} was deleted by someone else since you opened it`),
  /** Someone else wrote since the operator read `expected`; `currentVersion` when the console could read what is there now. */
  staleVersion: (path: string, expected: number, details: Details, currentVersion?: number) =>
    currentVersion === undefined
      ? badVersion(`version ${expected} is stale: ${path} was changed by someone else; reload it`, details)
      : badVersion(`version ${expected} is stale: ${path} is now at version ${currentVersion}; compare and merge, or reload`, details),
  staleAclVersion: (path: string, expected: number, aversion: number, details: Details) =>
    badVersion(`ACL version ${expected} is stale: the ACL of ${path} was changed by someone else and is now at aversion ${aversion}; reload it, or merge your entries into it and save again`, details),
  versionRequired: () => badRequest("version is required: send the version you saw, so a newer change is never deleted unseen"),
  rootExists: () => new ConsoleError("NODE_EXISTS", 409, "the root znode / always exists"),
  targetExists: (target: string) => new ConsoleError("NODE_EXISTS", 409, `the target ${target} already exists; choose a new path`),
  noParent: (message: string) => new ConsoleError("NO_PARENT", 404, message),
  ttlUnsupported: () => new ConsoleError("TTL_UNSUPPORTED", 400, "this ZooKeeper does not accept TTL nodes: the servers need extendedTypesEnabled=true (zookeeper.extendedTypesEnabled) in zoo.cfg"),
  valueTooLarge: (bytes: number, why: string) => tooLarge(`the value is ${bytes} bytes; ${why}`),
  importValueTooLarge: (path: string, bytes: number, cluster: string, max: number) =>
    tooLarge(`the import file's value for ${JSON.stringify(path)} is ${bytes} bytes; cluster "${cluster}" accepts at most ${max} bytes per znode there`),
  confirmationRequired: (path: string) => new ConsoleError("CONFIRMATION_REQUIRED", 400, `type the path ${path} to confirm the recursive delete (confirm=${path})`),
  partialDelete: (path: string, deleted: number, cause: string) => new ConsoleError("PARTIAL_DELETE", 409, `the recursive delete of ${path} stopped after deleting ${deleted} znodes: ${cause}`),
  targetInsideSource: (target: string, source: string) => badRequest(`the target ${target} is inside the source ${source}; choose a path outside it`),
  copyDidNotStart: (cause: string) => clusterUnavailable(`the copy did not start: ${cause} while reading; nothing was created`),
  partialCopy: (message: string, details: Details) => new ConsoleError("PARTIAL_COPY", 409, message, details),
  sourceUnreadable: (path: string) =>
    new ConsoleError("NO_AUTH", 403, `the console's ZooKeeper session is not allowed to read ${path} by its ACL: there is nothing it can copy or move`),
  moveLeavesUnreadable: (source: string, skipped: string[], count: number) =>
    new ConsoleError("UNREADABLE_NODES", 409, `${source} cannot be moved: the console's ZooKeeper session may not read ${count} znode${count === 1 ? "" : "s"} under it by ACL (NO_AUTH): ${skipped.join(", ")}${count > skipped.length ? ` and ${count - skipped.length} more` : ""}; a move would leave ${count === 1 ? "it" : "them"} and ${count === 1 ? "its" : "their"} parents behind. Nothing was changed: copy instead (unreadable znodes are skipped and listed), or let the console's identity read them`, { skipped, skippedCount: count }),
  copyUnreadable: (count: number, target: string, cause: string) =>
    new ConsoleError("COPY_NOT_VERIFIED", 503, `all ${count} znodes were created under ${target}, but reading them back to verify failed (${cause}); the source was left intact`, { created: count, total: count }),
  copyMismatch: (mismatched: string[]) =>
    new ConsoleError("COPY_NOT_VERIFIED", 409, `${mismatched.length} copied znodes differ from the source (e.g. ${mismatched[0]}); the source was left intact`, { mismatched: mismatched.slice(0, 100) }),
  sourceChanged: (path: string) => new ConsoleError("SOURCE_CHANGED", 409, `the copy is complete and verified, but ${path} changed during the move, so the source was left intact; check it and delete it yourself`),
  /** ZooKeeper refused a multi as a whole (its code: BAD_VERSION, NO_NODE, …); the message names the failing op. */
  multiRefused: (refusal: { code: string; status: number; message: string }, details: Details) => new ConsoleError(refusal.code, refusal.status, refusal.message, details),
  /** A bulk change applied in batches stopped: whole batches before it were applied, nothing after. */
  partialApply: (message: string, details: Details) => new ConsoleError("PARTIAL_APPLY", 409, message, details),
  batchUndecided: (from: number, size: number) =>
    new ConsoleError("OUTCOME_UNKNOWN", 503, `the connection to ZooKeeper was lost before it answered, and reading operations ${from + 1}–${from + size} back could not tell whether they were applied; reload to check before trying again`),
  multiTooLarge: (bytes: number, max: number) =>
    tooLarge(`the operations add up to a ${bytes}-byte request; ZooKeeper reads at most ${max} bytes per request (jute.maxbuffer), and a multi is one request: send fewer or smaller operations`),
  aclNotAtomic: () => badRequest("ZooKeeper cannot change an ACL inside a multi: an all-or-nothing operation list may not contain setAcl"),
  partialMoveDelete: (source: string, cause: string, details: Details) =>
    new ConsoleError("PARTIAL_MOVE", 409, `the copy is complete and verified, but deleting the source ${source} stopped: ${cause}; what is left of the source is intact, check it and delete it yourself`, details),
  badImportFile: (why: string) => new ConsoleError("BAD_IMPORT_FILE", 400, `the import file is not usable: ${why}`),
  importTooLarge: (maxBytes: number) =>
    tooLarge(`the import file is larger than ${maxBytes} bytes (IMPORT_MAX_BYTES): nothing was imported; raise IMPORT_MAX_BYTES on the server or export and import the subtree in smaller parts`),
  badImportPath: (path: string) => new ConsoleError("BAD_IMPORT_FILE", 400, `the import file has an invalid relative path ${JSON.stringify(path)}`),

  // ACLs
  invalidAclFor: (path: string, problem: string) => new ConsoleError("INVALID_ACL", 400, `the ACL for ${path} cannot be set: ${problem} (the same rules as the ACL editor)`, { path }),
  authEntryWithoutCredential: () => new ConsoleError("INVALID_ACL", 400, `an auth entry stands for the identities the console's session authenticated with, and it has none: add a ZooKeeper credential to the cluster first, or use a digest entry`),
  aclRefused: (path: string) => new ConsoleError("INVALID_ACL", 400, `ZooKeeper refused the ACL for ${path} as invalid. Usual causes: an x509 or sasl entry on a server without that authentication provider, an IPv6 ip entry (ZooKeeper 3.8 accepts IPv4 only), or an auth entry while the console's session has no credential`),
  lockout: (message: string, details: Details) => new ConsoleError("LOCKOUT", 409, message, details),
  partialAclApply: (path: string, changed: number, cause: string) => new ConsoleError("PARTIAL_ACL_APPLY", 409, `the recursive ACL change of ${path} stopped after ${changed} znodes: ${cause}`, { changed }),
  subtreeTooLarge: (root: string, max: number) => new ConsoleError("SUBTREE_TOO_LARGE", 400, `the subtree under ${root} has more than ${max} znodes; apply the ACL to smaller subtrees`),
  presetExists: (name: string | undefined) => new ConsoleError("PRESET_EXISTS", 409, `an ACL preset named ${JSON.stringify(name)} already exists`),
  builtinPreset: () => new ConsoleError("BUILTIN_PRESET", 400, "built-in presets cannot be changed or deleted; save a custom one instead"),

  // Registry, users and grants
  connectionRefused: (members: string[]) =>
    new ConsoleError("CONNECTION_REFUSED", 400, `connection refused by ${members.length === 1 ? members[0] : `every member (${members.join(", ")})`}: nothing listens on ${members.length === 1 ? "that port" : "those ports"}; check the host names and client ports`, { field: "connectionString" }),
  clusterExists: (name: string | undefined) => new ConsoleError("CLUSTER_EXISTS", 409, `a cluster named ${JSON.stringify(name)} is already registered`),
  hostNotAllowed: (why: string, allowed: string[], field = "connectionString") =>
    new ConsoleError("HOST_NOT_ALLOWED", 400, `connection refused by policy: ${why} (rule: the console connects only to hosts the operator allowed: ${allowed.join(", ")})`, { field }),
  tlsRequired: (member: string) =>
    new ConsoleError("TLS_REQUIRED", 400, `${member} answers only TLS (a secureClientPort): set the cluster's TLS settings (the CA certificate, and the console's client certificate and key when the server requires one); ${FORCE_HINT}`, { field: "tls", forceable: true }),
  /** TLS settings that cannot work at all (a PEM that does not parse, a key its password does not open). */
  tlsUnusable: (problem: string) => new ConsoleError("TLS_INVALID", 400, `the TLS settings cannot be used: ${problem}; nothing was saved`, { field: "tls", forceable: false }),
  /** TLS settings that parse but fail a check (expired, key of another certificate). */
  tlsInvalid: (problem: string) => new ConsoleError("TLS_INVALID", 400, `the TLS settings were refused: ${problem}; ${FORCE_HINT}`, { field: "tls", forceable: true }),
  /** A trial session with the new settings was refused by ZooKeeper (TLS handshake, SASL login). */
  securityRefused: (field: "tls" | "sasl", cause: { code: string; message: string }) =>
    new ConsoleError("CONNECTION_CHECK_FAILED", 400, `a trial connection with these settings was refused: ${cause.message}; ${FORCE_HINT}`, { field, cause: cause.code, forceable: true }),
  secretKeyMissing: (problem: string, hint: string) => new ConsoleError("SECRET_KEY_MISSING", 400, `cannot store ZooKeeper credentials: ${problem}. They are kept encrypted, so ${hint}, then restart the console`),
  selfLockout: () => new ConsoleError("SELF_LOCKOUT", 409, "you cannot disable yourself; ask another admin"),
  lastAdmin: (message: string) => new ConsoleError("LAST_ADMIN", 409, message),
  tokenExists: (name: string) => new ConsoleError("TOKEN_EXISTS", 409, `a token named ${JSON.stringify(name)} already exists for this user; choose another name or revoke that one`),
  serviceAccountExists: (name: string) => new ConsoleError("USER_EXISTS", 409, `a user named ${JSON.stringify(name)} already exists; choose another name for the service account`),
  weakPassword: (rule: string) => new ConsoleError("WEAK_PASSWORD", 400, `password refused: ${rule}`, { field: "password" }),
  usernameTaken: (username: string) => new ConsoleError("USERNAME_TAKEN", 409, `a user named ${JSON.stringify(username)} already exists`),
  notLocalAccount: (username: string, provider: string) => new ConsoleError("NOT_LOCAL_ACCOUNT", 409, `${username} signs in through ${provider}, not with a console password; its password is the identity provider's`),
  wrongPassword: () => new ConsoleError("WRONG_PASSWORD", 403, "the current password is wrong", { field: "currentPassword" }),
  passwordChangeRequired: () => new ConsoleError("PASSWORD_CHANGE_REQUIRED", 403, "choose a new password first: an admin set this account's password, so it must be changed before anything else (POST /api/v1/account/password, or the console's Change password page)"),
  grantExists: (subject: string, role: string) => new ConsoleError("GRANT_EXISTS", 409, `${subject} already has a grant (${role}) on this scope; remove it first to change the role`),

  // Change requests (four-eyes review of writes under protected paths)
  /** Not an error: the write was held for review. Answered as 202 { changeRequestId, status } (lib/core/http/error-response.ts). */
  changeSubmitted: (id: number, approvals: number) =>
    new ConsoleError("CHANGE_REQUEST_PENDING", 202, `the change touches a protected path: it was submitted as change request #${id} and is applied once ${approvals} other user(s) approve it; ZooKeeper is unchanged`, { changeRequestId: id, status: "pending" }),
  reviewUnsupported: (operation: string, path: string) =>
    new ConsoleError("REVIEW_UNSUPPORTED", 409, `${path} is protected, and a ${operation} cannot be held for review as znode operations; an admin may apply it directly with a reason (break glass: header X-Break-Glass: true)`),
  breakGlassReasonRequired: () => reasonRequired("reason is required to break glass: say why this change cannot wait for review (send the \"reason\" field)"),
  breakGlassAdminOnly: (path: string) => new ConsoleError("FORBIDDEN", 403, `only an admin of ${path} may break glass and apply a change under protection directly`),
  changeTooLarge: (ops: number, bytes: number, maxOps: number, maxBytes: number) =>
    tooLarge(`the change would be ${ops} znode operations and ${bytes} bytes; a change request holds at most ${maxOps} operations and ${maxBytes} bytes: split it into smaller changes`),
  changeNotPending: (id: number, status: string) => new ConsoleError("CHANGE_REQUEST_CLOSED", 409, `change request #${id} is ${status}, not pending`),
  selfApproval: (id: number) => new ConsoleError("SELF_APPROVAL", 403, `you wrote change request #${id}: another user must review it (the author's own approval never counts)`),
  alreadyApproved: (id: number) => new ConsoleError("ALREADY_APPROVED", 409, `you already approved change request #${id}`),
  notAuthor: (id: number, what: string) => new ConsoleError("FORBIDDEN", 403, `only the author of change request #${id} may ${what} it`),
  commentRequired: (what: string) => badRequest(`comment is required: say why you ${what} the change (send the "comment" field)`),
  changeStale: (id: number, drift: { path: string; expected: number | string; now: { version: number } | null }[]) =>
    new ConsoleError("CHANGE_REQUEST_STALE", 409, `change request #${id} is stale: ${drift.length} znode(s) changed since it was submitted (${drift.slice(0, 3).map((d) => `${d.path}: expected ${d.expected === "absent" ? "no node" : `version ${d.expected}`}, now ${d.now ? `version ${d.now.version}` : "no node"}`).join("; ")}); nothing was written. Its author may rebase it into a new request`, { drift }),
  cannotRebase: (id: number, why: string) => new ConsoleError("CANNOT_REBASE", 409, `change request #${id} cannot be rebased: ${why}`),
  protectionExists: (prefix: string) => new ConsoleError("PROTECTION_EXISTS", 409, `${prefix} is already protected on this cluster; remove that protection first to change its approvals`),

  // Audit trail
  notRestorable: (message: string) => new ConsoleError("NOT_RESTORABLE", 409, message),
  badAuditId: (raw: string) => badRequest(`audit record ids are whole numbers from 1 (got ${JSON.stringify(raw.slice(0, 40))})`),
  /** Unknown, not a znode's data, or not the caller's to restore: one answer, so none tells the others apart. */
  noRestorableRecord: (raw: string) => new ConsoleError("NOT_FOUND", 404, `no audit record ${JSON.stringify(raw.slice(0, 40))} that you can restore: it does not exist, is not a change of a znode's data, or is on a znode you may not change`),

  // Ensembles
  invalidEnsemble: (problems: string[], warnings: string[]) => new ConsoleError("INVALID_ENSEMBLE", 400, problems.join("; "), { errors: problems, warnings }),
  staleConfig: (current: string, reviewed: string) => badVersion(`the configuration is now at version ${current}, not ${reviewed} that you reviewed: plan again`),
  reconfigRefused: (problems: string[], plan: unknown) => new ConsoleError("RECONFIG_REFUSED", 409, problems.join("; "), { errors: problems, plan }),
  reconfigUnavailable: () => new ConsoleError("RECONFIG_UNAVAILABLE", 409, "this cluster has no dynamic configuration (/zookeeper/config is empty): dynamic reconfiguration needs ZooKeeper 3.5+ with reconfigEnabled=true and more than one server"),
  /** What ZooKeeper's refusal of a reconfig means for the operator, or null for any other error. */
  reconfigFailed: (rc: number): ConsoleError | null => {
    const known = RECONFIG_ERRORS[rc];
    return known ? new ConsoleError(known[0], known[1], known[2]) : null;
  },
};

const RECONFIG_ERRORS: Record<number, [string, number, string]> = {
  [-123]: ["RECONFIG_DISABLED", 409, "the ensemble has dynamic reconfiguration disabled: set reconfigEnabled=true in every member's zoo.cfg"],
  [-13]: ["NEW_CONFIG_NO_QUORUM", 409, "ZooKeeper refused: the new configuration's voters are not connected and synced (start the joining server first)"],
  [-14]: ["RECONFIG_IN_PROGRESS", 409, "another reconfiguration is in progress; try again when it finished"],
  [-102]: ["NO_AUTH", 403, "the console's session may not reconfigure this ensemble: give the cluster a super-user digest credential, or run the servers with -Dzookeeper.skipACL=yes"],
  [-103]: ["BAD_VERSION", 409, "the configuration changed since you reviewed it: plan again"],
};

/** ZooKeeper's return codes (the C client's `rc`) as the console reports them. */
export const ZK_ERRORS: Record<number, { code: string; status: number; message: (path?: string) => string }> = {
  [-101]: { code: "NO_NODE", status: 404, message: (p) => errors.noNode(p).message },
  [-102]: { code: "NO_AUTH", status: 403, message: (p) => `the console's ZooKeeper session is not allowed to access ${p ?? "this znode"} by its ACL` },
  [-103]: { code: "BAD_VERSION", status: 409, message: (p) => `${p ?? "the znode"} was changed by someone else: reload it and try again` },
  [-108]: { code: "NO_CHILDREN_FOR_EPHEMERALS", status: 409, message: () => "ephemeral znodes cannot have children" },
  [-110]: { code: "NODE_EXISTS", status: 409, message: (p) => `znode ${p ?? ""} already exists` },
  [-111]: { code: "NOT_EMPTY", status: 409, message: (p) => `${p ?? "the znode"} has children: delete them first or delete recursively` },
  [-112]: { code: "SESSION_EXPIRED", status: 503, message: () => "the ZooKeeper session expired; the console is reconnecting, try again" },
  [-115]: { code: "AUTH_FAILED", status: 503, message: () => "ZooKeeper did not accept the console's credentials" },
  [-124]: { code: "SASL_REQUIRED", status: 503, message: () => "ZooKeeper requires SASL authentication for every session (enforce.auth.enabled): set the cluster's SASL credentials" },
  /** ZSSLCONNECTIONERROR: the handshake failed (the session layer adds why). */
  [-15]: { code: "TLS_FAILED", status: 503, message: () => "the TLS connection to ZooKeeper failed" },
  [-4]: { code: "CONNECTION_LOSS", status: 503, message: () => "lost the connection to ZooKeeper during the request; it may or may not have been applied, reload to check" },
  [-9]: { code: "INVALID_STATE", status: 503, message: () => "the ZooKeeper session was closed or expired; the console opens a new one, try again" },
  [-7]: { code: "OPERATION_TIMEOUT", status: 504, message: () => "ZooKeeper did not answer in time" },
  [-8]: { code: "BAD_ARGUMENTS", status: 400, message: () => "ZooKeeper rejected the arguments" },
  [-6]: { code: "UNIMPLEMENTED", status: 501, message: () => "this ZooKeeper server does not support the operation" },
  [-121]: { code: "NO_WATCHER", status: 404, message: () => "no such watcher" },
  [-114]: { code: "INVALID_ACL", status: 400, message: () => "ZooKeeper rejected the ACL as invalid (for example an empty list or an unknown scheme)" },
  [-120]: { code: "EPHEMERAL_ON_LOCAL_SESSION", status: 409, message: () => "ephemeral znodes need a global session" },
  [-118]: { code: "SESSION_MOVED", status: 503, message: () => "the session moved to another ZooKeeper server during the request; reload to check whether it was applied" },
  [-119]: { code: "NOT_READ_ONLY", status: 503, message: () => "the connected ZooKeeper server is read-only (it lost its quorum); writes wait until the quorum is back" },
  [-127]: { code: "THROTTLED", status: 503, message: () => "ZooKeeper throttled the request without executing it; try again shortly" },
  [-13]: { code: "NEW_CONFIG_NO_QUORUM", status: 409, message: () => "the new configuration's voters are not connected and synced; start the joining servers first" },
  [-14]: { code: "RECONFIG_IN_PROGRESS", status: 409, message: () => "another reconfiguration is in progress; try again when it has finished" },
  [-123]: { code: "RECONFIG_DISABLED", status: 409, message: () => "dynamic reconfiguration is disabled on this ensemble (reconfigEnabled=true in zoo.cfg)" },
};

/** A ZooKeeper return code the table does not know. */
export const UNKNOWN_ZK_ERROR = { code: "ZOOKEEPER_ERROR", status: 502, message: (text: string) => `ZooKeeper returned error ${text}` };
