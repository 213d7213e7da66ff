import type { AccountType } from "./role-sync/types";

/**
 * The Clerk unsafeMetadata the plugin reads the role from (DESIGN §5).
 * It is a claim the user can edit: the backend validates it and an admin verifies businesses.
 */
export function signUpMetadata(accountType: AccountType, company: string, taxId: string) {
  if (accountType === "individual") return { accountType };
  const tax_id = taxId.trim();
  return { accountType, company: company.trim(), ...(tax_id ? { tax_id } : {}) };
}
