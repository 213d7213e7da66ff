"use client";

import { useAuth } from "@clerk/nextjs";
import Link from "next/link";
import { syncErrorText, useAccountType } from "@/lib/role-sync";

export function AccountSummary() {
  const { isLoaded, isSignedIn } = useAuth();
  const { accountType, isVerified, companyName, company, loading, error } = useAccountType();

  if (isLoaded && !isSignedIn) {
    return (
      <p>
        <Link href="/sign-in">Sign in</Link> or <Link href="/sign-up">create an account</Link> as an individual or a
        business.
      </p>
    );
  }
  if (error) return <p className="error">{syncErrorText(error)}</p>;
  if (loading) return <p className="muted">Loading your account…</p>;

  if (company) {
    return (
      <p>
        Buying for {company.name} as {company.role},{" "}
        {company.isVerified ? "verified: company prices apply." : "not verified yet: the store reviews new companies."}{" "}
        See your <Link href="/company">company</Link> and its <Link href="/business/quotes">quotes</Link>.
      </p>
    );
  }
  if (accountType === "business") {
    return (
      <p>
        Signed in as a business customer{companyName ? ` (${companyName})` : ""},{" "}
        {isVerified ? "verified: business prices apply." : "not verified yet: an admin reviews new businesses."}{" "}
        Request a <Link href="/business/quotes">quote</Link> or place a <Link href="/business/bulk-order">bulk order</Link>.
      </p>
    );
  }
  return <p>Signed in as an individual customer.</p>;
}
