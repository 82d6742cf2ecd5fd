import { useId } from "react";
import type { NodeType } from "@/lib/znodes/client/types";

export const NODE_TYPES: { value: NodeType; label: string }[] = [
  { value: "persistent", label: "Persistent" },
  { value: "persistent_sequential", label: "Persistent sequential" },
  { value: "ephemeral", label: "Ephemeral" },
  { value: "ephemeral_sequential", label: "Ephemeral sequential" },
  { value: "container", label: "Container" },
  { value: "persistent_ttl", label: "Persistent with TTL" },
  { value: "persistent_sequential_ttl", label: "Persistent sequential with TTL" },
];

type Props = { nodeType: NodeType; onType: (t: NodeType) => void; ttlSeconds: string; onTtl: (s: string) => void };

export function NodeTypeFields({ nodeType, onType, ttlSeconds, onTtl }: Props) {
  const typeId = useId();
  const ttlId = useId();
  const ttl = nodeType.endsWith("_ttl");
  return (
    <>
      <div className="fields">
        <label className="field" htmlFor={typeId}>
          <span>Node type</span>
          <select id={typeId} value={nodeType} onChange={(e) => onType(e.target.value as NodeType)}>
            {NODE_TYPES.map((t) => (
              <option key={t.value} value={t.value}>{t.label}</option>
            ))}
          </select>
        </label>
        {ttl && (
          <label className="field" htmlFor={ttlId}>
            <span>TTL (seconds)</span>
            <input id={ttlId} type="number" min={1} max={31_536_000} step={1} value={ttlSeconds} onChange={(e) => onTtl(e.target.value)} required />
          </label>
        )}
      </div>
      {nodeType.startsWith("ephemeral") && (
        <p className="notice" data-testid="ephemeral-warning">
          An ephemeral znode lives only as long as the console&apos;s own ZooKeeper session: it disappears when the console restarts, loses its session,
          or the cluster is removed. Use it for tests, not for registrations that must last.
        </p>
      )}
      {nodeType.includes("sequential") && <p className="muted">ZooKeeper appends a 10-digit counter to the name; the assigned name is shown after creating.</p>}
      {nodeType === "container" && <p className="muted">ZooKeeper deletes a container by itself once it has had children and the last one is gone.</p>}
      {ttl && <p className="muted">ZooKeeper deletes the node after the TTL when it has no children and was not changed. The servers need extendedTypesEnabled=true.</p>}
    </>
  );
}

/** The TTL in milliseconds, or the rule it breaks. */
export function ttlMsOf(seconds: string): { ms: number; error: null } | { ms: null; error: string } {
  const n = Number(seconds);
  if (!/^\d+$/.test(seconds.trim()) || n < 1) return { ms: null, error: "the TTL must be a whole number of seconds, at least 1" };
  if (n > 31_536_000) return { ms: null, error: "the TTL must be at most one year (31536000 seconds)" };
  return { ms: n * 1000, error: null };
}
