// Where to go after sign-in: the callback is resolved with the URL parser browsers use (tabs and
// newlines stripped, backslashes as slashes, percent-escapes kept), and only a path on the
// console's own origin is kept; anything else, malformed included, is the default page. Checking
// the raw text instead let "/\t/evil.example" through: the browser reads it as //evil.example.
export const DEFAULT_AFTER_SIGN_IN = "/clusters";

export function sameOriginPath(raw: unknown, origin: string, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof raw !== "string" || raw === "") return fallback;
  try {
    const own = new URL(origin).origin;
    const url = new URL(raw, own);
    // A path starting with // would itself be read as another host.
    if (url.origin !== own || url.pathname.startsWith("//")) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
