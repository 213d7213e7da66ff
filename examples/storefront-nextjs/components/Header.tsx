"use client";

import { OrganizationSwitcher, SignOutButton, useAuth } from "@clerk/nextjs";
import Link from "next/link";
import { useAccountType } from "@/lib/role-sync";

export function Header() {
  const { isSignedIn } = useAuth();
  const { accountType, isVerified, loading } = useAccountType();

  return (
    <header>
      <nav>
        <Link href="/">Home</Link>
        <Link href="/account">Account</Link>
        <Link href="/business/quotes">Quotes</Link>
        <Link href="/business/bulk-order">Bulk order</Link>
        <Link href="/company">Company</Link>
      </nav>
      {isSignedIn ? (
        <>
          {/* Choosing another organization (or the personal account) re-syncs: prices and quotes follow the active company. */}
          <OrganizationSwitcher
            hidePersonal={false}
            afterCreateOrganizationUrl="/company"
            afterSelectOrganizationUrl="/company"
            afterSelectPersonalUrl="/account"
          />
          {!loading && accountType && (
            <span className="badge">
              {accountType}
              {accountType === "business" && (isVerified ? " · verified" : " · unverified")}
            </span>
          )}
          <SignOutButton />
        </>
      ) : (
        <>
          <Link href="/sign-in">Sign in</Link>
          <Link href="/sign-up">Sign up</Link>
        </>
      )}
    </header>
  );
}
