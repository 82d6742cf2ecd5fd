"use client";

// A PEM text field: pasted, or read (as text, in the browser) from a file the operator picks.
type Props = { id: string; label: string; value: string; onChange: (value: string) => void; required?: boolean; placeholder?: string };

export function PemField({ id, label, value, onChange, required, placeholder }: Props) {
  return (
    <div className="field pem-field">
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      <textarea id={id} rows={4} spellCheck={false} value={value} required={required} placeholder={placeholder ?? "-----BEGIN CERTIFICATE-----"} onChange={(e) => onChange(e.target.value)} />
      <input
        type="file"
        aria-label={`${label} file`}
        accept=".pem,.crt,.cer,.key,text/plain"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file) onChange(await file.text());
        }}
      />
    </div>
  );
}
