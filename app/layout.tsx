import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { Shortcuts } from "@/components/shortcuts/shortcuts";
import { currentActor } from "@/lib/access/session";
import { guardPage } from "@/lib/auth";
import { THEME_COOKIE, themeOf } from "@/lib/core/client/theme";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = { title: "ZooKeeper Console" };

// Renders per request (the CSP nonce, the user check and the chosen theme need the request).
export default async function RootLayout({ children }: { children: ReactNode }) {
  await guardPage();
  const signedIn = (await currentActor()) !== null;
  const theme = themeOf((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body>
        <Providers>
          <AppHeader signedIn={signedIn} theme={theme} />
          <main className="main">{children}</main>
          {signedIn && <Shortcuts />}
        </Providers>
      </body>
    </html>
  );
}
