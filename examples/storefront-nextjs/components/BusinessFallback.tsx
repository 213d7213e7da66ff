"use client";

import Link from "next/link";
import { syncErrorText, useAccountType } from "@/lib/role-sync";

/** What a business page shows instead of its content. */
export function BusinessFallback() {
  const { loading, error } = useAccountType();
  if (error) return <p className="error">{syncErrorText(error)}</p>;
  if (loading) return <p className="muted">Loading your account…</p>;
  return (
    <p>
      This page is for business accounts. <Link href="/account">See your account</Link>.
    </p>
  );
}
