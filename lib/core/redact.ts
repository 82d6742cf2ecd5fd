// The one redaction of URLs that may carry secrets (webhook URLs: tokens in the path, the query or
// user:password@): everywhere such a URL is logged, audited or exported it is shown as its origin
// only, e.g. "https://hooks.example.com/…". Never throws: a URL that does not parse is hidden whole.

export const REDACTED = "…";

export function redactUrl(url: string | null | undefined): string | null {
  if (url === null || url === undefined || url === "") return url ?? null;
  try {
    const u = new URL(url);
    const more = u.pathname.replace(/\/+$/, "") !== "" || u.search !== "" || u.hash !== "" || u.username !== "" || u.password !== "";
    return `${u.protocol}//${u.host}${more ? `/${REDACTED}` : ""}`;
  } catch {
    return REDACTED;
  }
}

/** `text` (an error message, a delivery status) with every occurrence of the secret URL redacted. */
export function redactUrlIn(text: string, url: string | null | undefined): string {
  return url ? text.replaceAll(url, redactUrl(url)!) : text;
}

/** A cluster row as audited: its webhook URL redacted (before/after values are exported and shown to auditors). */
export function withRedactedWebhook<T extends { webhookUrl?: string | null }>(row: T): T {
  return row.webhookUrl ? { ...row, webhookUrl: redactUrl(row.webhookUrl) } : row;
}
