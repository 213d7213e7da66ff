"use client";

import { useAuth } from "@clerk/nextjs";
import Link from "next/link";
import { useAccountType } from "@/lib/role-sync";

export function AccountSummary() {
  const { isLoaded, isSignedIn } = useAuth();
  const { accountType, isVerified, companyName, loading, error } = useAccountType();

  if (isLoaded && !isSignedIn) {
    return (
      <p>
        <Link href="/sign-in">Sign in</Link> or <Link href="/sign-up">create an account</Link> as an individual or a
        business.
      </p>
    );
  }
  if (error) return <p className="error">Could not load your account type: {error.message}</p>;
  if (loading) return <p className="muted">Loading your account…</p>;

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
