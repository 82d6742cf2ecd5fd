import type { ImportPlan, ImportReport } from "@/lib/znodes/client/types";

function PathList({ title, count, paths }: { title: string; count: number; paths: string[] }) {
  return (
    <section data-testid={`plan-${title.toLowerCase()}`}>
      <h3>{title}: {count.toLocaleString("en-US")}</h3>
      {paths.length > 0 && (
        <ul>
          {paths.map((p) => <li key={p}>{p}</li>)}
          {count > paths.length && <li className="muted">… and {(count - paths.length).toLocaleString("en-US")} more</li>}
        </ul>
      )}
    </section>
  );
}

export function ImportPlanView({ plan }: { plan: ImportPlan }) {
  return (
    <div>
      <p role="status">Dry run: nothing was written. Applying it would do this under <code>{plan.root}</code>:</p>
      <div className="plan" data-testid="import-plan">
        <PathList title="Creates" count={plan.counts.creates} paths={plan.creates} />
        <PathList title="Updates" count={plan.counts.updates} paths={plan.updates} />
        <PathList title="Unchanged" count={plan.counts.unchanged} paths={plan.unchanged} />
        <PathList title="Conflicts" count={plan.counts.conflicts} paths={plan.conflicts.map((c) => `${c.path}: ${c.why}`)} />
        {plan.counts.protected > 0 && <PathList title="Protected" count={plan.counts.protected} paths={plan.protected.map((p) => `${p.path}: ${p.why}`)} />}
      </div>
    </div>
  );
}

export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <div className="report notice ok" role="status" data-testid="import-report">
      <p>
        Imported under <code>{report.root}</code>: {report.created.toLocaleString("en-US")} created, {report.updated.toLocaleString("en-US")} updated,{" "}
        {report.unchanged.toLocaleString("en-US")} unchanged, {report.conflictCount.toLocaleString("en-US")} left alone (conflicts).
        {report.protected.length > 0 && <> {report.protected.length.toLocaleString("en-US")} under /zookeeper skipped: ZooKeeper&apos;s own tree is never written.</>}
      </p>
      {report.conflicts.length > 0 && (
        <ul>{report.conflicts.map((c) => <li key={c.path}>{c.path}: {c.why}</li>)}</ul>
      )}
    </div>
  );
}
