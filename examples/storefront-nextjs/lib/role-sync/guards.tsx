"use client";

import type { ReactNode } from "react";
import type { CompanyMemberRole } from "./types";
import { useAccountType } from "./useAccountType";

type GuardProps = { children: ReactNode; fallback?: ReactNode };

// These guards only decide what to render. They are not access control: the role in the browser
// can be tampered with, and the Medusa server checks the caller's role on every business route (403).

/** Renders children for a business customer (verified or not); fallback while loading or otherwise. */
export function BusinessOnly({ children, fallback = null }: GuardProps) {
  const { isBusiness, loading } = useAccountType();
  return <>{!loading && isBusiness ? children : fallback}</>;
}

/** Renders children for an individual customer; fallback while loading or otherwise. */
export function IndividualOnly({ children, fallback = null }: GuardProps) {
  const { accountType, loading } = useAccountType();
  return <>{!loading && accountType === "individual" ? children : fallback}</>;
}

/**
 * Renders children when the user's role in the active company is one of `allow`, e.g. only company
 * admins see the tax data form: `<CompanyRole allow={["admin"]}>`. Fallback while loading, for
 * other roles, and for users without a company (individuals, sole traders).
 */
export function CompanyRole({ allow, children, fallback = null }: GuardProps & { allow: readonly CompanyMemberRole[] }) {
  const { company, loading } = useAccountType();
  return <>{!loading && company && allow.includes(company.role) ? children : fallback}</>;
}
