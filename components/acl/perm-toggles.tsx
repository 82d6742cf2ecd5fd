"use client";

import { PERMS } from "@/lib/core/zk/perms";

/** Five toggle buttons (c d r w a) over a perms string such as "cdrwa" or "--r--". */
export function PermToggles({ perms, onChange, label }: { perms: string; onChange: (perms: string) => void; label: string }) {
  const on = (letter: string) => perms.includes(letter);
  const toggle = (letter: string) => onChange(PERMS.map((p) => ((p.letter === letter ? !on(p.letter) : on(p.letter)) ? p.letter : "-")).join(""));
  return (
    <div className="perm-toggles" role="group" aria-label={label}>
      {PERMS.map((p) => (
        <button key={p.letter} type="button" className={on(p.letter) ? "perm-toggle on" : "perm-toggle"} title={p.name} aria-label={p.name} aria-pressed={on(p.letter)} onClick={() => toggle(p.letter)}>
          {p.letter}
        </button>
      ))}
    </div>
  );
}
