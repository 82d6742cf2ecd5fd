// Connection diagnosis of a registered cluster with its stored settings, step by step: local
// TLS checks, DNS per host, TCP per member (a refusal is reported at once), the TLS handshake or
// the secureClientPort probe, version and mode per member, then one trial session (SASL result,
// chroot). Each failed step says what to do next.
import "server-only";
import { authorize } from "@/lib/access/permissions";
import { clusterOf } from "@/lib/access/clusters";
import { sessionTargetOf } from "@/lib/access/cluster-session";
import { auditActor, recordEvent } from "@/lib/access/audit/record";
import type { RequestCtx } from "@/lib/core/context";
import { parseConnectionString } from "@/lib/core/zk/connection-string";
import type { SessionTarget } from "@/lib/core/zk/sessions";
import { tlsProblem } from "@/lib/core/zk/tls-check";
import type { Diagnosis, DiagnosticStep } from "./diagnostics-schema";
import { assertHostsAllowed } from "./host-allowlist";
import { dnsStep, serverStep, tcpStep, tlsStep } from "./member-checks";
import { findTlsOnlyMember } from "./tls-probe";
import { trySession } from "./trial-session";

const TRIAL_MAX_MS = 10_000;

function sessionSteps(target: Omit<SessionTarget, "id">, chroot: string | null, e: { code?: string; message: string } | null, latencyMs?: number): DiagnosticStep[] {
  const sasl = target.sasl && (target.sasl.mechanism === "DIGEST-MD5" ? `${target.sasl.mechanism} as ${target.sasl.username}` : `${target.sasl.mechanism} as ${target.sasl.principal}`);
  if (!e) {
    return [
      { step: "session", status: "ok", detail: `a session was opened and / listed in ${latencyMs} ms`, ms: latencyMs },
      ...(sasl ? [{ step: "sasl" as const, status: "ok" as const, detail: `authenticated with ${sasl}` }] : []),
      ...(chroot ? [{ step: "chroot" as const, status: "ok" as const, detail: `${chroot} exists` }] : []),
    ];
  }
  if (e.code === "AUTH_FAILED") return [{ step: "sasl", status: "failed", detail: e.message, next: sasl ? "check the SASL user and password (or principal, keytab and the KDC in krb5.conf)" : "the server requires SASL: set the cluster's SASL settings" }];
  if (e.code === "SASL_REQUIRED") return [{ step: "sasl", status: "failed", detail: e.message, next: "set the cluster's SASL settings (DIGEST-MD5 user and password, or a Kerberos principal and keytab)" }];
  if (e.code === "TLS_FAILED") return [{ step: "tls", status: "failed", detail: e.message, next: "see the TLS steps above; the ZooKeeper client refused the handshake" }];
  if (e.code === "NO_NODE" && chroot) return [{ step: "session", status: "ok", detail: "a session was opened" }, { step: "chroot", status: "failed", detail: `the chroot ${chroot} does not exist`, next: `create ${chroot} on the ensemble (without the chroot in the connection string), or correct the connection string` }];
  return [{ step: "session", status: "failed", detail: e.message, next: "the members accept connections but no session was established: check the members' logs and the session timeout" }];
}

/** Diagnoses one session target (a registered cluster's, or settings not saved yet). */
export async function diagnoseTarget(target: Omit<SessionTarget, "id">): Promise<Diagnosis> {
  const conn = parseConnectionString(target.connectionString);
  if ("error" in conn) return { ok: false, steps: [{ step: "settings", status: "failed", detail: conn.error, next: "correct the connection string" }] };
  const steps: DiagnosticStep[] = [];
  const problem = target.tls && tlsProblem(target.tls);
  if (problem) steps.push({ step: "settings", status: "failed", detail: problem, next: "replace the TLS settings' certificate or key" });
  const hosts = [...new Set(conn.hosts.map((h) => h.host))];
  steps.push(...(await Promise.all(hosts.map(dnsStep))));
  const tcp = await Promise.all(conn.hosts.map(tcpStep));
  steps.push(...tcp);
  const reachable = conn.hosts.filter((_, i) => tcp[i].status === "ok");
  const member = await Promise.all(reachable.map(async (m): Promise<DiagnosticStep> => {
    if (target.tls) return tlsStep(m, target.tls);
    if (await findTlsOnlyMember([m])) return { step: "tls", target: `${m.host}:${m.port}`, status: "failed", detail: "this port speaks only TLS (a secureClientPort)", next: "set the cluster's TLS settings (CA certificate, and the client certificate and key if the member requires one)" };
    return serverStep(m);
  }));
  steps.push(...member);
  if (reachable.length === 0) steps.push({ step: "session", status: "skipped", detail: "no member accepts connections", next: "fix the failed TCP steps first" });
  // The session's client would refuse the same handshakes (or wait out its timeout on them).
  else if (member.every((s) => s.step === "tls" && s.status === "failed")) steps.push({ step: "session", status: "skipped", detail: "no member completed the TLS handshake", next: "fix the failed TLS steps first" });
  else if (!problem) {
    const trial = await trySession({ ...target, sessionTimeoutMs: Math.min(target.sessionTimeoutMs, TRIAL_MAX_MS) }).then((r) => ({ r, e: null }), (e: { code?: string; message: string }) => ({ r: null, e }));
    steps.push(...sessionSteps(target, conn.chroot, trial.e, trial.r?.latencyMs));
  }
  return { ok: steps.every((s) => s.status !== "failed"), steps };
}

/** POST /api/v1/clusters/{id}/diagnostics: admins of the cluster (it opens connections with its secrets), audited. */
export async function diagnoseCluster({ ctx, clusterId }: { ctx: RequestCtx; clusterId: string }): Promise<Diagnosis> {
  const cluster = await clusterOf(ctx, clusterId);
  authorize(ctx.actor, "admin", cluster, "/");
  await assertHostsAllowed(cluster.connectionString);
  const { id: _id, ...target } = await sessionTargetOf(cluster);
  const result = await diagnoseTarget(target);
  const failed = result.steps.filter((s) => s.status === "failed").map((s) => `${s.step}${s.target ? ` ${s.target}` : ""}`);
  await recordEvent({ ...auditActor(ctx), operation: "cluster_diagnose", cluster: { id: cluster.id, name: cluster.name }, outcome: result.ok ? "ok" : "failed", details: { failed } });
  return result;
}
