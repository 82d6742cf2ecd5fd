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
