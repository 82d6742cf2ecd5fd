"use client";

import { ValueDiff } from "@/components/audit/value-diff";
import { base64ToBytes, decodeUtf8 } from "@/lib/editing/bytes";
import type { ChangeOp } from "@/lib/changes/client/types";

type Acl = { scheme: string; auth: string; perms: number }[];

/** A stored value as text for the diff; binary values are named, not shown. */
function textOf(base64: string | undefined): string | null {
  if (base64 === undefined) return null;
  const bytes = base64ToBytes(base64);
  return decodeUtf8(bytes) ?? `(binary, ${bytes.length} bytes)`;
}

const aclText = (acl: Acl | undefined) => (acl ? acl.map((a) => `${a.scheme}:${a.auth}:${a.perms}`).join("\n") : null);

function proposed(op: ChangeOp): string | null {
  if (op.op === "set" || op.op === "create") return textOf(op.data);
  if (op.op === "setAcl") return aclText(op.acl);
  return null;
}

function baseText(op: ChangeOp): string | null {
  if (op.op === "setAcl") return aclText(op.base?.acl);
  return textOf(op.base?.data);
}

function currentText(op: ChangeOp): string | null {
  const now = op.current;
  if (!now || now === "unreadable") return null;
  return op.op === "setAcl" ? aclText(now.acl) : textOf(now.data);
}

const versionOf = (op: ChangeOp) => ("version" in op ? op.version : "aversion" in op ? op.aversion : null);

/** Each op with its diff against the base it was planned on, and (while it can still apply) against the value there now. */
export function ChangeOps({ ops, shown, total, live }: { ops: ChangeOp[]; shown: number; total: number; live: boolean }) {
  return (
    <ol className="history-list" data-testid="change-ops">
      {ops.map((op, i) => {
        const now = op.current;
        const moved = live && now !== undefined && now !== "unreadable" && (now === null ? op.base !== null : now.version !== (op.base?.version ?? -2));
        return (
          <li key={i} className="history-item" data-testid="change-op">
            <div className="history-head">
              <strong>{op.op}</strong> <span className="mono">{op.path}</span>
              {versionOf(op) !== null && <span className="muted">at version {versionOf(op)}</span>}
              {moved && <span className="outcome outcome-failed" data-testid="op-moved">changed since submitted</span>}
              {now === "unreadable" && <span className="muted">(current value not readable for you)</span>}
            </div>
            {op.op !== "delete" && op.op !== "check" && (
              <>
                <div className="muted">Against the base it was planned on</div>
                <ValueDiff before={baseText(op)} after={proposed(op)} />
                {live && moved && (
                  <>
                    <div className="muted">Against the value now</div>
                    <ValueDiff before={currentText(op)} after={proposed(op)} />
                  </>
                )}
              </>
            )}
          </li>
        );
      })}
      {total > shown && <li className="muted">… and {total - shown} more operations</li>}
    </ol>
  );
}
