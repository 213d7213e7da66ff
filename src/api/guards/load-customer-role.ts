import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AccountType } from "../../modules/customer-meta/types"
import { customerRoleCacheTag } from "../../utils/customer-role-cache"

export type CustomerRole = {
  id: string
  account_type: AccountType
  is_verified: boolean
  company_name: string | null
}

/**
 * The caller's role: one query on the unique customer_id index, served from
 * Medusa's Caching Module when the host enables it. Never calls Clerk.
 * Memoized on the request so stacked guards query once.
 */
export async function loadCustomerRole(
  req: AuthenticatedMedusaRequest
): Promise<CustomerRole | null> {
  const memo = req as AuthenticatedMedusaRequest & {
    __roleSyncRole?: Promise<CustomerRole | null>
  }
  if (memo.__roleSyncRole) {
    return memo.__roleSyncRole
  }
  const customerId = req.auth_context?.actor_id
  if (!customerId) {
    return null
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  memo.__roleSyncRole = query
    .graph(
      {
        entity: "customer_meta",
        fields: ["id", "account_type", "is_verified", "company_name"],
        filters: { customer_id: customerId },
      },
      { cache: { enable: true, tags: [customerRoleCacheTag(customerId)] } }
    )
    .then(({ data }) => (data[0] as CustomerRole | undefined) ?? null)
  return memo.__roleSyncRole
}
