import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * Guards cache a customer's role through Medusa's Caching Module (when the
 * host enables it). Every write of a role clears this tag so the next
 * guarded request sees a verify, unverify or re-sync at once.
 */
export const customerRoleCacheTag = (customerId: string) =>
  `role-sync:customer-role:${customerId}`

export async function clearCustomerRoleCache(
  container: MedusaContainer,
  customerIds: string[]
) {
  const caching = container.resolve(Modules.CACHING, {
    allowUnregistered: true,
  }) as { clear(args: { tags: string[] }): Promise<void> } | undefined
  if (!caching || !customerIds.length) {
    return
  }
  await caching.clear({ tags: customerIds.map(customerRoleCacheTag) })
}
