"use client";

import { useId, useState, type KeyboardEvent, type ReactNode, type Ref } from "react";

export type ComboOption = { id: string; label: ReactNode; hint?: ReactNode; choose: () => void };

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: ComboOption[];
  /** Enter with no option picked (e.g. go to the typed path). */
  onSubmit?: (value: string) => void;
  onEscape?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  placeholder?: string;
  autoFocus?: boolean;
  status?: ReactNode;
};

/** An input with a list of choices (WAI-ARIA combobox with a listbox): arrows pick, Enter chooses, Escape leaves. */
export function Combobox({ label, value, onChange, options, onSubmit, onEscape, inputRef, placeholder, autoFocus, status }: Props) {
  const id = useId();
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const shown = open && options.length > 0;
  const at = Math.min(active, options.length - 1);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (options.length === 0 ? -1 : (Math.max(-1, a) + step + options.length) % options.length));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (shown && at >= 0) options[at].choose();
      else onSubmit?.(value);
      setOpen(false);
    } else if (e.key === "Escape") {
      if (shown) { e.preventDefault(); setOpen(false); }
      else onEscape?.();
    }
  }

  return (
    <div className="combobox">
      <label htmlFor={`${id}-input`} className="sr-only">{label}</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        type="search"
        role="combobox"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={shown && at >= 0 ? `${id}-opt-${at}` : undefined}
        value={value}
        placeholder={placeholder}
        autoFocus={autoFocus}
        data-autofocus={autoFocus ? "" : undefined}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => { onChange(e.target.value); setOpen(true); setActive(-1); }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {status && <span className="combobox-status muted" role="status">{status}</span>}
      <ul id={`${id}-list`} role="listbox" aria-label={label} className="combobox-list" hidden={!shown}>
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === at}
            className={i === at ? "combobox-option active" : "combobox-option"}
            // Chosen on mousedown, before the input's blur closes the list.
            onMouseDown={(e) => { e.preventDefault(); o.choose(); setOpen(false); }}
          >
            <span>{o.label}</span>
            {o.hint && <span className="muted combobox-hint">{o.hint}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
