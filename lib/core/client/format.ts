// Numbers and dates as the operator's locale writes them ("10,000", "10.000", "10 000").

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A count with the locale's thousands separators. */
export const formatCount = (n: number) => integer.format(n);

/** A number with up to `digits` decimals, in the locale's style. */
export const formatNumber = (n: number, digits = 0) => new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(n);

/** An ISO time as the locale writes it; the text itself when it does not parse. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
