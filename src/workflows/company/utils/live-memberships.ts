import type { MedusaContainer } from "@medusajs/framework/types"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyRole } from "../../../types/company"

/** A customer's live membership with what its role and groups need of the company. */
export type LiveMembership = {
  member_id: string
  company_id: string
  clerk_organization_id: string
  company_name: string
  company_verified: boolean
  customer_group_id: string | null
  role: CompanyRole
  joined_at: Date | string
}

/** The customer's live memberships, oldest first (one query with the companies). */
export async function listLiveMemberships(
  container: MedusaContainer,
  customerId: string
): Promise<LiveMembership[]> {
  const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const rows = await service.listMembershipsOfCustomer(customerId)
  return rows
    .filter((row) => row.company && !row.company.deleted_at)
    .map((row) => ({
      member_id: row.id,
      company_id: row.company_id,
      clerk_organization_id: row.company!.clerk_organization_id,
      company_name: row.company!.name,
      company_verified: row.company!.is_verified,
      customer_group_id: row.company!.customer_group_id ?? null,
      role: row.role,
      joined_at: row.joined_at,
    }))
}
