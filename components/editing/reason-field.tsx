"use client";

import { useId } from "react";
import { ApiError } from "@/lib/core/client/api-fetch";

/** A 400 that names the reason field (e.g. a cluster that requires a reason for every write). */
export function isReasonError(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  const issues = (error.details?.issues as { path?: string }[] | undefined) ?? [];
  return /REASON/.test(error.code) || error.details?.field === "reason" || issues.some((i) => i.path === "reason") || /^reason\b/i.test(error.message);
}

type Props = { value: string; onChange: (value: string) => void; error?: unknown };

export function ReasonField({ value, onChange, error }: Props) {
  const id = useId();
  const invalid = isReasonError(error);
  return (
    <label className="field" htmlFor={id}>
      <span>Reason {invalid ? "(required)" : <span className="muted">(optional, kept in the audit trail)</span>}</span>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} maxLength={1000} aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-error` : undefined} autoComplete="off" />
      {invalid && (
        <span id={`${id}-error`} className="problem" role="alert">
          {(error as Error).message}
        </span>
      )}
    </label>
  );
}
