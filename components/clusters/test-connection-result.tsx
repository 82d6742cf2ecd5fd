import type { ConnectionTestResult } from "@/lib/clusters/client/types";
import { formErrorMessage } from "@/lib/core/client/field-errors";
import { CLUSTER_FIELD_LABELS } from "./cluster-fields";
import { DiagnosisSteps } from "./diagnosis-steps";

type Props = { data: ConnectionTestResult | undefined; error: unknown; pending: boolean };

export function TestConnectionResult({ data, error, pending }: Props) {
  if (pending) return <p className="muted" role="status">Testing connection…</p>;
  if (error) return <p className="error-text" role="alert">Connection failed: {formErrorMessage(error, CLUSTER_FIELD_LABELS)}</p>;
  if (data && "steps" in data) return <DiagnosisSteps diagnosis={data} />;
  if (data)
    return (
      <p className="ok-text" role="status">
        Connected in {data.latencyMs} ms; the root has {data.rootChildren} children.
      </p>
    );
  return null;
}
