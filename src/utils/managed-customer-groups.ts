import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_META_MODULE } from "../modules/customer-meta"

/**
 * `metadata.managed_by` of every customer group whose membership the plugin
 * decides (the verified-business group; company groups reuse it). Prices
 * and promotions aimed at such a group are an entitlement: they hold only
 * while the plugin keeps the customer in the group.
 */
export const MANAGED_BY = "medusa-plugin-role-sync"

type GroupLike = { id?: string; name?: string | null; metadata?: Record<string, unknown> | null }

/** True for a group the plugin manages (by its marker, or the configured verified-business group name). */
export function isManagedGroup(group: GroupLike | null | undefined, businessGroupName?: string) {
  return (
    !!group &&
    (group.metadata?.managed_by === MANAGED_BY ||
      (!!businessGroupName && group.name === businessGroupName))
  )
}

const businessGroupNameOf = (container: MedusaContainer) => {
  const meta = container.resolve(CUSTOMER_META_MODULE, { allowUnregistered: true }) as
    | { getOptions(): { businessGroupName?: string } }
    | undefined
  return meta?.getOptions().businessGroupName
}

/** Of `groupIds`, the ones the plugin manages (one query). */
export async function filterManagedGroupIds(
  container: MedusaContainer,
  groupIds: string[]
): Promise<string[]> {
  if (!groupIds.length) {
    return []
  }
  const groups = await container
    .resolve(Modules.CUSTOMER)
    .listCustomerGroups({ id: [...new Set(groupIds)] }, { select: ["id", "name", "metadata"] })
  const name = businessGroupNameOf(container)
  return groups.filter((g) => isManagedGroup(g, name)).map((g) => g.id)
}

/** The managed groups among `groups` (already loaded, e.g. with a customer). */
export function managedGroupsOf(container: MedusaContainer, groups: GroupLike[] | null | undefined) {
  const name = businessGroupNameOf(container)
  return (groups ?? []).filter((g) => isManagedGroup(g, name))
}
