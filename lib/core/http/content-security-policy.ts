// The pages' Content-Security-Policy, built per request around a fresh nonce (middleware.ts).
// Scripts run only with the nonce Next.js puts on its own inline and chunk scripts ('strict-dynamic'
// lets those load the rest), so markup injected into a page cannot run script. Styles keep
// 'unsafe-inline': React renders style attributes, and CSS cannot run script. Edge-runtime safe.

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageCsp(nonce: string, opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    // Sign-in needs no cross-origin form post: next-auth posts with fetch and then navigates to the IdP.
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For API responses (JSON, files, event streams): nothing may run or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
