import { ErrorBox } from "@/components/error-box";
import { isReasonError } from "./reason-field";

/** A failed write, unless the reason field already shows it. */
export function WriteError({ error, title }: { error: unknown; title?: string }) {
  if (!error || isReasonError(error)) return null;
  return <ErrorBox error={error} title={title} />;
}
