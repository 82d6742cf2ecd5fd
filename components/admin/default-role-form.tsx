"use client";

import { ErrorBox } from "@/components/error-box";
import type { AuthSettingsPatch } from "@/lib/admin/client/types";
import { useAuthSettings, useUpdateAuthSettings } from "@/lib/admin/client/use-auth-settings";
import { errorMessage } from "@/lib/core/client/api-fetch";

type DefaultRole = AuthSettingsPatch["defaultRole"];
const DEFAULT_ROLES: { role: DefaultRole; label: string }[] = [
  { role: "viewer", label: "viewer" },
  { role: "editor", label: "editor" },
  { role: "none", label: "none (refused unless a group mapping applies)" },
];

export function DefaultRoleForm() {
  const settings = useAuthSettings();
  const update = useUpdateAuthSettings();
  if (settings.isPending) return <p className="muted">Loading settings…</p>;
  if (settings.isError) return <ErrorBox error={settings.error} />;
  const s = settings.data;
  return (
    <section className="card form" aria-label="Sign-in settings">
      <h2>Sign-in</h2>
      <p>
        Methods: {[s.loginMethods.password ? "console account (password)" : null, ...s.loginMethods.sso.map((m) => m.name)].filter(Boolean).join(", ") || "none"}
      </p>
      <label className="field inline">
        <span>Role of a new SSO user at first sign-in</span>
        <select value={s.defaultRole} disabled={update.isPending} onChange={(e) => update.mutate({ defaultRole: e.target.value as DefaultRole })}>
          {DEFAULT_ROLES.map((r) => <option key={r.role} value={r.role}>{r.label}</option>)}
        </select>
      </label>
      <p className="muted">DEFAULT_ROLE in the environment: {s.envDefaultRole}. The setting here takes precedence once saved.</p>
      {update.error && <p className="error-text" role="alert">{errorMessage(update.error)}</p>}
    </section>
  );
}
