import { Tooltip } from "@/components/ui/tooltip";
import type { Cluster } from "@/lib/clusters/client/types";
import { formatDateTime } from "@/lib/core/client/format";

// What each state of the console's own ZooKeeper session means to an operator.
const MEANING: Record<Cluster["session"]["state"], string> = {
  idle: "The console has no ZooKeeper session open to this cluster yet: it connects when someone opens it.",
  connecting: "The console is opening (or re-opening) its ZooKeeper session to this cluster.",
  connected: "The console's ZooKeeper session to this cluster is open: reads and writes go through it.",
  expired: "ZooKeeper expired the console's session (the cluster was unreachable past the session timeout); the next request opens a new one.",
  failed: "The console could not connect to this cluster; the next request tries again.",
};

export function SessionStateLabel({ session }: { session: Cluster["session"] }) {
  const tip = (
    <>
      {MEANING[session.state]} <span className="muted">Since {formatDateTime(session.since)}.</span>
    </>
  );
  return (
    <Tooltip tip={tip} testId="session-state">
      <span className={`session session-${session.state}`}>
        <span className="session-dot" aria-hidden />
        {session.state}
        {session.reason ? <span className="session-reason">: {session.reason}</span> : null}
      </span>
    </Tooltip>
  );
}
