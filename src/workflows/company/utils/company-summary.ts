import type { CompanySummary, StoreSyncRoleCompanies } from "../../../types/company"
import type { LiveMembership } from "./live-memberships"

const summary = (m: LiveMembership): CompanySummary => ({
  id: m.company_id,
  name: m.company_name,
  role: m.role,
  is_verified: m.company_verified,
  clerk_organization_id: m.clerk_organization_id,
})

/** `company` (the active one) and `companies` (all) of the sync answer. */
export function companySummaries(
  memberships: LiveMembership[],
  active: LiveMembership | null
): StoreSyncRoleCompanies {
  return {
    company: active ? summary(active) : null,
    companies: memberships.map(summary),
  }
}
