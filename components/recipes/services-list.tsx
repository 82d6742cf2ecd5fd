import Link from "next/link";
import type { RecipesView } from "@/lib/recipes/client/types";
import { useZnodeHref } from "@/components/clusters/cluster-context";

export function ServicesList({ clusterId, services }: { clusterId: string; services: RecipesView["services"] }) {
  const znodeHref = useZnodeHref();
  if (!services.length) return <p className="muted">No service registrations (ephemeral instance nodes) found.</p>;
  return (
    <div className="rc-list">
      {services.map((s) => (
        <article className="rc-item" key={s.path} data-testid="service-card">
          <h3>{s.name} <span className="muted">{s.path}</span></h3>
          {s.instances.map((i) => (
            <div className="rc-row" key={i.path}>
              <Link href={znodeHref(i.path)}><code>{i.id}</code></Link>
              {i.curator ? (
                <span>{i.curator.address ?? "?"}{i.curator.port ? `:${i.curator.port}` : ""}{i.curator.sslPort ? ` (ssl ${i.curator.sslPort})` : ""} · {i.curator.serviceType ?? ""}
                  {i.curator.registrationTimeUTC ? ` · registered ${new Date(i.curator.registrationTimeUTC).toISOString()}` : ""}</span>
              ) : <span className="muted">ephemeral instance</span>}
              {i.sessionId && <span className="muted">session <code>{i.sessionId}</code></span>}
            </div>
          ))}
        </article>
      ))}
    </div>
  );
}
