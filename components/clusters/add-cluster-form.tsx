"use client";

import { useState, type FormEvent } from "react";
import { useCreateCluster } from "@/lib/clusters/client/use-create-cluster";
import { useTestConnection } from "@/lib/clusters/client/use-test-connection";
import { formErrorMessage } from "@/lib/core/client/field-errors";
import { ClusterFields, draftToInput, EMPTY_DRAFT, type ClusterDraft, CLUSTER_FIELD_LABELS } from "./cluster-fields";
import { SaveAnyway } from "./save-anyway";
import { securityInput } from "./security-draft";
import { TestConnectionResult } from "./test-connection-result";
import { useIsAdmin } from "./use-is-admin";

/** Registering clusters is for admins: others do not get a form the server would refuse. */
export function AddClusterForm() {
  return useIsAdmin() ? <AddClusterCard /> : null;
}

function AddClusterCard() {
  const [draft, setDraft] = useState<ClusterDraft>(EMPTY_DRAFT);
  const create = useCreateCluster();
  const test = useTestConnection();

  function save(force: boolean) {
    const input = { ...draftToInput(draft), ...securityInput(draft.security), ...(force ? { force: true } : {}) };
    create.mutate(input, { onSuccess: () => { setDraft(EMPTY_DRAFT); test.reset(); } });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save(false);
  }

  function onTest() {
    const { connectionString, sessionTimeoutMs } = draftToInput(draft);
    test.mutate({ connectionString, sessionTimeoutMs, ...securityInput(draft.security), diagnose: true });
  }

  return (
    <section className="card" aria-labelledby="add-cluster-heading">
      <h2 id="add-cluster-heading">Add cluster</h2>
      <form className="form" onSubmit={onSubmit}>
        <ClusterFields draft={draft} onChange={(next) => { setDraft(next); test.reset(); create.reset(); }} idPrefix="new-cluster" />
        <div className="actions">
          <button type="button" className="button" onClick={onTest} disabled={test.isPending || !draft.connectionString.trim()}>
            Test connection
          </button>
          <button type="submit" className="button primary" disabled={create.isPending}>
            Save
          </button>
          <SaveAnyway error={create.error} pending={create.isPending} onClick={() => save(true)} />
        </div>
        <TestConnectionResult data={test.data} error={test.error} pending={test.isPending} />
        {create.error && <p className="error-text" role="alert">{formErrorMessage(create.error, CLUSTER_FIELD_LABELS)}</p>}
      </form>
    </section>
  );
}
