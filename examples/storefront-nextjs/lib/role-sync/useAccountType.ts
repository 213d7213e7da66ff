"use client";

import { useRoleSync } from "./RoleSyncProvider";
import type { AccountType, RoleSyncError } from "./types";

export type AccountTypeInfo = {
  /** null while loading, when signed out, or when the sync failed. */
  accountType: AccountType | null;
  isBusiness: boolean;
  /** Only a business verified by an admin; business prices and trust depend on this, not on isBusiness. */
  isVerified: boolean;
  companyName: string | null;
  loading: boolean;
  error: RoleSyncError | null;
};

export function useAccountType(): AccountTypeInfo {
  const { customerMeta, loading, error } = useRoleSync();
  return {
    accountType: customerMeta?.account_type ?? null,
    isBusiness: customerMeta?.account_type === "business",
    isVerified: customerMeta?.account_type === "business" && customerMeta.is_verified === true,
    companyName: customerMeta?.company_name ?? null,
    loading,
    error,
  };
}
