// Webhook URLs often carry their secret in the path or query (Slack's /services/T…/B…/token,
// ?token=…): anything logged, audited or shown to non-admins keeps only scheme, host and port.
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return "(an invalid URL)";
  }
}
