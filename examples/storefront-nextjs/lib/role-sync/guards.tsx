"use client";

import type { ReactNode } from "react";
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
