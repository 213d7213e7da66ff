import { ClerkProvider } from "@clerk/nextjs";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Header } from "@/components/Header";
import { RoleSyncProvider } from "@/lib/role-sync";
import "./globals.css";

export const metadata: Metadata = {
  title: "Role sync storefront",
  description: "Example storefront for medusa-plugin-role-sync",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <ClerkProvider>
          <RoleSyncProvider>
            <Header />
            <main>{children}</main>
          </RoleSyncProvider>
        </ClerkProvider>
      </body>
    </html>
  );
}
