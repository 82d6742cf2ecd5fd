import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = { title: "ZooKeeper Console" };

export default function RootLayout({ children }: { children: ReactNode }) {
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
