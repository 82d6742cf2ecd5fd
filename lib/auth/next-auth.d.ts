// What the console keeps in next-auth's JWT and session (the id of our User row, not the IdP's).
import "next-auth/jwt";
import "next-auth";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** Epoch ms of the sign-in: sessions older than User.sessionsRevokedAt are refused. */
    loginAt?: number;
    /** This session's id: refused once it is signed out (SignedOutSession). */
    sid?: string;
  }
}

declare module "next-auth" {
  interface Session {
    uid?: string;
    /** For the header: the global role, or "custom" when only grants apply. */
    role?: string;
    isAdmin?: boolean;
  }
}
