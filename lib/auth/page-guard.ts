// Server-side check for every page (called by the root layout): a session whose user was disabled,
// removed or had its sessions revoked is sent to /login by the server, not left to the browser.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PATHNAME_HEADER, isPublicPage } from "./public-pages";
import { currentActor } from "@/lib/access/session";

export const CHANGE_PASSWORD_PAGE = "/account/password";

export async function guardPage(): Promise<void> {
  const pathname = (await headers()).get(PATHNAME_HEADER);
  // Without the header the middleware did not run for this render (a not-found page): check anyway.
  if (pathname !== null && isPublicPage(pathname)) return;
  const actor = await currentActor();
  if (!actor) redirect(`/login?error=SessionEnded&callbackUrl=${encodeURIComponent(pathname ?? "/clusters")}`);
  if (actor.mustChangePassword && pathname !== CHANGE_PASSWORD_PAGE) redirect(CHANGE_PASSWORD_PAGE);
}
