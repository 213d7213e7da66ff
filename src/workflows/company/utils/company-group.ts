import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

// Groups the plugin keeps in step; their prices are an entitlement (the
// cart guards re-check them at checkout).
import { MANAGED_BY } from "../../../utils/managed-customer-groups"

export { MANAGED_BY }

/**
 * The company's own customer group name: readable in the admin, unique
 * (Medusa requires unique group names) through the organization id.
 */
export const companyGroupName = (companyName: string, clerkOrganizationId: string) =>
  `${companyName} (company ${clerkOrganizationId})`

/**
 * Creates the company's customer group, or adopts one the plugin made
 * earlier for the same organization. Returns its id and whether it was
 * created now (so a compensation removes only what this run created).
 */
export async function createCompanyGroup(
  container: MedusaContainer,
  company: { id: string; name: string; clerk_organization_id: string }
): Promise<{ id: string; created: boolean }> {
  const customerService = container.resolve(Modules.CUSTOMER)
  const name = companyGroupName(company.name, company.clerk_organization_id)
  const [existing] = await customerService.listCustomerGroups(
    { name },
    { select: ["id", "metadata"], take: 1 }
  )
  if (
    existing &&
    existing.metadata?.managed_by === MANAGED_BY &&
    existing.metadata?.clerk_organization_id === company.clerk_organization_id
  ) {
    return { id: existing.id, created: false }
  }
  const group = await customerService.createCustomerGroups({
    name,
    metadata: {
      managed_by: MANAGED_BY,
      company_id: company.id,
      clerk_organization_id: company.clerk_organization_id,
    },
  })
  return { id: group.id, created: true }
}
