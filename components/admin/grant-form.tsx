"use client";

import { useState, type FormEvent } from "react";
import type { GrantInput } from "@/lib/admin/client/types";
import { useAdminUsers } from "@/lib/admin/client/use-admin-users";
import { useCreateGrant } from "@/lib/admin/client/use-create-grant";
import { useClusters } from "@/lib/clusters/client/use-clusters";
import { errorMessage } from "@/lib/core/client/api-fetch";

/** Grant a role to a user, or map an IdP group to a role (subjectType fixed to "group"). */
export function GrantForm({ subjectType: fixed }: { subjectType?: "user" | "group" }) {
  const users = useAdminUsers();
  const clusters = useClusters();
  const create = useCreateGrant();
  const [form, setForm] = useState<GrantInput>({ subjectType: fixed ?? "group", subject: "", role: "viewer", clusterId: "", pathPrefix: "" });
  const set = (k: keyof GrantInput) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { subjectType: form.subjectType, subject: form.subject.trim(), role: form.role, clusterId: form.clusterId || null, pathPrefix: form.clusterId && form.pathPrefix ? form.pathPrefix.trim() : null },
      { onSuccess: () => setForm((f) => ({ ...f, subject: "", pathPrefix: "" })) },
    );
  }

  return (
    <form className="form card" onSubmit={submit} aria-label={fixed === "group" ? "Map a group" : "Add a grant"}>
      <h2>{fixed === "group" ? "Map an IdP group to a role" : "Add a grant"}</h2>
      <div className="fields">
        {!fixed && (
          <label className="field">
            <span>Subject type</span>
            <select value={form.subjectType} onChange={(e) => setForm((f) => ({ ...f, subjectType: e.target.value as "user" | "group", subject: "" }))}>
              <option value="group">IdP group</option>
              <option value="user">user</option>
            </select>
          </label>
        )}
        {form.subjectType === "group" ? (
          <label className="field"><span>Group</span><input value={form.subject} onChange={set("subject")} placeholder="zk-operators" required maxLength={256} /></label>
        ) : (
          <label className="field">
            <span>User</span>
            <select value={form.subject} onChange={set("subject")} required>
              <option value="">choose…</option>
              {users.data?.map((u) => <option key={u.id} value={u.id}>{u.username}</option>)}
            </select>
          </label>
        )}
        <label className="field">
          <span>Role</span>
          <select value={form.role} onChange={set("role")}>
            <option value="viewer">viewer (read)</option>
            <option value="editor">editor (write data)</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <label className="field">
          <span>Cluster</span>
          <select value={form.clusterId ?? ""} onChange={set("clusterId")}>
            <option value="">every cluster</option>
            {clusters.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Only under path</span>
          <input value={form.pathPrefix ?? ""} onChange={set("pathPrefix")} placeholder="/app/config (optional)" disabled={!form.clusterId} />
        </label>
      </div>
      {create.error && <p className="error-text" role="alert">{errorMessage(create.error)}</p>}
      <div className="actions"><button type="submit" className="button primary" disabled={create.isPending}>{fixed === "group" ? "Map group" : "Add grant"}</button></div>
    </form>
  );
}
