import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  effectiveCustomerRole,
  type EffectiveCustomerRole,
} from "../../types/customer-meta"
import { customerRoleCacheTag } from "../../utils/customer-role-cache"

/**
 * The caller's role as guards see it (DESIGN §10): a member of a company is
 * a business, verified when its company is, with its role in the active
 * company; anyone else keeps their own declaration and verification.
 */
export type CustomerRole = EffectiveCustomerRole & {
  /** The `customer_meta` id. */
  id: string
}

// Everything a guard needs is on the customer's own role row: the company
// workflows copy the active company onto it.
const ROLE_FIELDS = [
  "id",
  "account_type",
  "is_verified",
  "company_name",
  "active_company_id",
  "active_company_name",
  "active_company_role",
  "active_company_verified",
]

/**
 * The caller's role: one query on the unique customer_id index, served from
 * Medusa's Caching Module when the host enables it (0 queries on a hit).
 * Never calls Clerk. Memoized on the request so stacked guards query once.
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
        fields: ROLE_FIELDS,
        filters: { customer_id: customerId },
      },
      { cache: { enable: true, tags: [customerRoleCacheTag(customerId)] } }
    )
    .then(({ data }) => {
      const row = data[0] as Record<string, any> | undefined
      return row ? { id: row.id as string, ...effectiveCustomerRole(row as any) } : null
    })
  return memo.__roleSyncRole
}
