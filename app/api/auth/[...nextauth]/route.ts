// /api/auth/* – next-auth sign-in, callback, session and sign-out endpoints (own CSRF tokens)
import { nextAuthRoute } from "@/lib/auth";

export { nextAuthRoute as GET, nextAuthRoute as POST };
