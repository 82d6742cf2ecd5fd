// Checked once at start-up, so a misconfigured console stops with a sentence, not a stack later.
import { trustedProxyHops } from "@/lib/core/http/client-ip";
import { parseHostAllowlist } from "../core/host-allowlist";
import { envDefaultRole } from "./settings";
import { liveLimits } from "../watch/stream-limits";
import { sessionMaxAgeSeconds } from "@/lib/access/session-age";
import { importMaxBytes } from "../znodes/import-limit";

export function assertAuthConfig(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
    throw new Error("[auth] NEXTAUTH_SECRET is required in production: set it to a long random value (e.g. `openssl rand -base64 32`), or start with `npm start`, which generates one into data/.nextauth-secret");
  }
  if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) {
    throw new Error("[auth] OIDC_ISSUER is set but OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is missing: set both, or unset OIDC_ISSUER");
  }
  if (env.OIDC_ISSUER) {
    try {
      new URL(env.OIDC_ISSUER);
    } catch {
      throw new Error(`[auth] OIDC_ISSUER=${env.OIDC_ISSUER} is not a URL (expected e.g. https://idp.example.com/realms/ops)`);
    }
  }
  if (env.AUDIT_HMAC_KEY?.trim() && env.AUDIT_HMAC_KEY.trim().length < 32) {
    throw new Error("[audit] AUDIT_HMAC_KEY must be at least 32 characters (e.g. `openssl rand -base64 32`); unset it to let the console keep a key in data/audit-hmac.key");
  }
  envDefaultRole();
  try {
    trustedProxyHops(env.TRUST_PROXY);
    liveLimits(env);
    sessionMaxAgeSeconds(env);
    importMaxBytes(env);
    parseHostAllowlist(env.CLUSTER_HOST_ALLOWLIST);
  } catch (e) {
    throw new Error(`[security] ${(e as Error).message}`);
  }
}
