import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { guardPage } from "@/lib/auth";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = { title: "ZooKeeper Console" };

// Renders per request (the CSP nonce and the user check need the request).
export default async function RootLayout({ children }: { children: ReactNode }) {
  await guardPage();
  return (
    <html lang="en">
      <body>
        <Providers>
          <AppHeader />
          <main className="main">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
