"use client";

import type { FormEvent } from "react";
import type { DeploymentInput } from "@/lib/ensemble/client/types";

type MemberDraft = { host: string; clientPort: string; quorumPort: string; electionPort: string; adminPort: string };
export type DeployDraft = {
  members: MemberDraft[];
  observers: number;
  dataDir: string;
  dataLogDir: string;
  fourLetterWhitelist: string;
  tickTime: string;
  reconfigEnabled: boolean;
  user: string;
  heap: string;
};

const member = (i: number): MemberDraft => ({ host: `zk${i + 1}.example.com`, clientPort: "2181", quorumPort: "2888", electionPort: "3888", adminPort: "8080" });
export const initialDraft: DeployDraft = {
  members: [0, 1, 2].map(member), observers: 0, dataDir: "/var/lib/zookeeper", dataLogDir: "", fourLetterWhitelist: "ruok,srvr,mntr,conf,cons,wchs,isro,dump,stat,envi",
  tickTime: "2000", reconfigEnabled: false, user: "zookeeper", heap: "1g",
};

export function draftToInput(d: DeployDraft): DeploymentInput {
  return {
    members: d.members.map((m, i) => ({
      id: i + 1, host: m.host.trim(), clientPort: Number(m.clientPort), quorumPort: Number(m.quorumPort), electionPort: Number(m.electionPort),
      adminPort: m.adminPort.trim() ? Number(m.adminPort) : null, observer: i >= d.members.length - d.observers,
    })),
    dataDir: d.dataDir.trim(), dataLogDir: d.dataLogDir.trim() || null, fourLetterWhitelist: d.fourLetterWhitelist.trim(),
    tickTime: Number(d.tickTime), reconfigEnabled: d.reconfigEnabled, systemd: { user: d.user.trim(), group: d.user.trim(), heap: d.heap.trim() },
  };
}

type Props = { draft: DeployDraft; onChange: (d: DeployDraft) => void; onSubmit: () => void; pending: boolean };

export function DeployForm({ draft, onChange, onSubmit, pending }: Props) {
  const set = <K extends keyof DeployDraft>(k: K, v: DeployDraft[K]) => onChange({ ...draft, [k]: v });
  const resize = (n: number) => set("members", Array.from({ length: n }, (_, i) => draft.members[i] ?? member(i)));
  const setMember = (i: number, k: keyof MemberDraft, v: string) => set("members", draft.members.map((m, j) => (j === i ? { ...m, [k]: v } : m)));
  const submit = (e: FormEvent) => { e.preventDefault(); onSubmit(); };
  return (
    <form className="form" onSubmit={submit} aria-label="Ensemble">
      <div className="fields">
        <label className="field"><span>Members</span>
          <select value={draft.members.length} onChange={(e) => resize(Number(e.target.value))}>
            {[3, 4, 5, 6, 7, 8, 9].map((n) => <option key={n} value={n}>{n}{n % 2 === 0 ? " (even: no extra tolerance)" : ""}</option>)}
          </select>
        </label>
        <label className="field"><span>Observers (the last members)</span>
          <input type="number" min={0} max={draft.members.length - 1} value={draft.observers} onChange={(e) => set("observers", Number(e.target.value))} />
        </label>
        <label className="field"><span>dataDir</span><input value={draft.dataDir} onChange={(e) => set("dataDir", e.target.value)} /></label>
        <label className="field"><span>dataLogDir (optional)</span><input value={draft.dataLogDir} onChange={(e) => set("dataLogDir", e.target.value)} /></label>
        <label className="field"><span>4lw whitelist</span><input value={draft.fourLetterWhitelist} onChange={(e) => set("fourLetterWhitelist", e.target.value)} /></label>
        <label className="field"><span>tickTime (ms)</span><input type="number" value={draft.tickTime} onChange={(e) => set("tickTime", e.target.value)} /></label>
        <label className="field"><span>Service user</span><input value={draft.user} onChange={(e) => set("user", e.target.value)} /></label>
        <label className="field"><span>JVM heap</span><input value={draft.heap} onChange={(e) => set("heap", e.target.value)} /></label>
        <label className="field checkbox"><input type="checkbox" checked={draft.reconfigEnabled} onChange={(e) => set("reconfigEnabled", e.target.checked)} /><span>reconfigEnabled (dynamic config file)</span></label>
      </div>
      <table className="en-members">
        <thead><tr><th>Id</th><th>Host</th><th>Client</th><th>Quorum</th><th>Election</th><th>AdminServer</th><th>Role</th></tr></thead>
        <tbody>
          {draft.members.map((m, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td><input type="text" aria-label={`Host of member ${i + 1}`} value={m.host} onChange={(e) => setMember(i, "host", e.target.value)} /></td>
              {(["clientPort", "quorumPort", "electionPort", "adminPort"] as const).map((k) => (
                <td key={k}><input type="number" aria-label={`${k} of member ${i + 1}`} value={m[k]} onChange={(e) => setMember(i, k, e.target.value)} /></td>
              ))}
              <td>{i >= draft.members.length - draft.observers ? "observer" : "participant"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions"><button type="submit" className="button primary" disabled={pending}>Generate configuration</button></div>
    </form>
  );
}
