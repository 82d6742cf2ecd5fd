// The AdminServer HTTP API (`http://host:port/commands/<cmd>`, ZooKeeper 3.5+): JSON answers
// that are not subject to the four-letter-word whitelist.
export type AdminAnswer = { raw: string; json: Record<string, unknown> };

const MAX_BYTES = 8 * 1024 * 1024;

export async function adminCommand(host: string, port: number, command: string, timeoutMs: number): Promise<AdminAnswer> {
  const url = `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${port}/commands/${command}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), cache: "no-store", redirect: "error" });
  const raw = await res.text();
  if (raw.length > MAX_BYTES) throw new Error(`AdminServer ${command} answer is larger than ${MAX_BYTES} bytes`);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new Error(`AdminServer at ${host}:${port} answered ${command} with HTTP ${res.status} and no JSON`);
  }
  if (typeof json.error === "string" && json.error) throw new Error(json.error);
  if (!res.ok) throw new Error(`AdminServer at ${host}:${port} answered ${command} with HTTP ${res.status}`);
  return { raw, json };
}
