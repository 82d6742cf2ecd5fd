import type { ClusterHealth } from "@/lib/health/client/types";
import { StateBadge } from "./state-badge";

export function QuorumPanel({ quorum }: { quorum: ClusterHealth["quorum"] }) {
  return (
    <section className="card hl-section" aria-label="Quorum" data-testid="quorum">
      <h2>Quorum</h2>
      <div className="hl-quorum">
        <StateBadge state={quorum.status} />
        {!quorum.standalone && (
          <>
            <span><span className="big">{quorum.votersUp}</span> of {quorum.voters} voting members up</span>
            <span><span className="big">{quorum.needed}</span> needed</span>
            <span>tolerates <span className="big">{quorum.tolerates}</span> more failure{quorum.tolerates === 1 ? "" : "s"}</span>
            {quorum.observers > 0 && <span>{quorum.observersUp} of {quorum.observers} observers up</span>}
          </>
        )}
        <span data-testid="leader">
          leader: {quorum.leader ? <strong>{quorum.leader.serverId ? `server ${quorum.leader.serverId} ` : ""}({quorum.leader.address})</strong> : <span className="muted">none visible</span>}
        </span>
      </div>
      <p className="muted">{quorum.summary}</p>
    </section>
  );
}
