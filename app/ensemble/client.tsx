"use client";

import { useState } from "react";
import { ApiError, errorMessage } from "@/lib/core/client/api-fetch";
import { useGenerateDeployment } from "@/lib/ensemble/client/use-generate-deployment";
import { DeployForm, draftToInput, initialDraft, type DeployDraft } from "@/components/ensemble/deploy-form";
import { GeneratedFiles } from "@/components/ensemble/generated-files";
import "@/components/ensemble/ensemble.css";

/** Generate a correct configuration for an N-member ensemble: zoo.cfg, myid and a systemd unit per member. */
export function DeployScreen() {
  const [draft, setDraft] = useState<DeployDraft>(initialDraft);
  const generate = useGenerateDeployment();
  const problems = generate.error instanceof ApiError ? (generate.error.details?.errors as string[] | undefined) : undefined;
  return (
    <div className="page">
      <div>
        <h1>Deploy an ensemble</h1>
        <p className="muted">The same generator starts the console&apos;s local test ensembles. From a shell: <code>{cliCommand(draft)}</code></p>
      </div>
      <section className="card">
        <DeployForm draft={draft} onChange={setDraft} onSubmit={() => generate.mutate(draftToInput(draft))} pending={generate.isPending} />
      </section>
      {generate.isError && (
        <section className="card" role="alert" data-testid="deploy-errors">
          <h2>Not a valid ensemble</h2>
          {problems ? <ul className="en-errors">{problems.map((p) => <li key={p}>{p}</li>)}</ul> : <p className="error-text">{errorMessage(generate.error)}</p>}
        </section>
      )}
      {generate.data && <GeneratedFiles result={generate.data} />}
    </div>
  );
}

function cliCommand(d: DeployDraft): string {
  const hosts = d.members.map((m) => m.host || "host").join(",");
  return `npm run ensemble:config -- --size ${d.members.length} --hosts ${hosts}${d.observers ? ` --observers ${d.observers}` : ""}${d.reconfigEnabled ? " --reconfig" : ""} --out ./zk-ensemble`;
}
