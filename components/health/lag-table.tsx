import type { ClusterHealth } from "@/lib/health/client/types";
import { dash, num } from "./format";

export function LagTable({ lag }: { lag: ClusterHealth["lag"] }) {
  if (!lag.length) return null;
  return (
    <section className="card hl-section" aria-label="Zxid lag">
      <h2>Behind the leader</h2>
      <table className="hl-table" data-testid="lag-table">
        <thead><tr><th>Member</th><th>Mode</th><th>Last zxid</th><th>Transactions behind</th></tr></thead>
        <tbody>
          {lag.map((r) => (
            <tr key={r.address}>
              <td><code>{r.address}</code></td>
              <td>{r.mode ?? dash}</td>
              <td><code>{r.zxid ?? dash}</code></td>
              <td className="num">{r.epochsBehind ? `${r.epochsBehind} epoch(s) behind` : num(r.transactionsBehind)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
