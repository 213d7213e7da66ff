"use client";

import { useRoleSync } from "./RoleSyncProvider";
import type { AccountType, CompanyMemberRole, RoleSyncError } from "./types";

/** The active company as the storefront uses it. */
export type CompanyInfo = {
  id: string;
  name: string;
  /** The user's role in it: admin (requests, accepts, edits tax data), buyer (requests), member (reads). */
  role: CompanyMemberRole;
  /** Verified by the store: every member gets business prices. */
  isVerified: boolean;
};

export type AccountTypeInfo = {
  /** null while loading, when signed out, or when the sync failed. */
  accountType: AccountType | null;
  isBusiness: boolean;
  /**
   * A business verified by an admin (a sole trader itself, or its active company); business prices and
   * trust depend on this, not on isBusiness.
   */
  isVerified: boolean;
  companyName: string | null;
  /** The active company (Clerk Organization), or null for individuals and sole traders. */
  company: CompanyInfo | null;
  loading: boolean;
  error: RoleSyncError | null;
};

export function useAccountType(): AccountTypeInfo {
  const { customerMeta, company, loading, error } = useRoleSync();
  // A company member is a business whatever its own metadata says (DESIGN §10 rule 2).
  const isBusiness = customerMeta?.account_type === "business" || !!company;
  return {
    accountType: company ? "business" : (customerMeta?.account_type ?? null),
    isBusiness,
    isVerified: company ? company.is_verified : isBusiness && customerMeta?.is_verified === true,
    companyName: company?.name ?? customerMeta?.company_name ?? null,
    company: company ? { id: company.id, name: company.name, role: company.role, isVerified: company.is_verified } : null,
    loading,
    error,
  };
}
