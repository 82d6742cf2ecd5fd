import type { Cluster } from "@/lib/clusters/client/types";

export function SessionStateLabel({ session }: { session: Cluster["session"] }) {
  return (
    <span className={`session session-${session.state}`} title={`since ${session.since}`}>
      <span className="session-dot" aria-hidden />
      {session.state}
      {session.reason ? <span className="session-reason">: {session.reason}</span> : null}
    </span>
  );
}
