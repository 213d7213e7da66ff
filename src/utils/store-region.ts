import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

export type StoreRegion = { id: string; currency_code: string }

/**
 * The region to price in: the one asked for, else the store's default
 * region, else the oldest region. Unknown ids are a 400, not Medusa's 404.
 */
export async function resolveStoreRegion(
  container: MedusaContainer,
  regionId?: string | null
): Promise<StoreRegion> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fields = ["id", "currency_code"]

  if (regionId) {
    const { data } = await query.graph({ entity: "region", fields, filters: { id: regionId } })
    if (!data[0]) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Region ${regionId} does not exist.`
      )
    }
    return data[0] as StoreRegion
  }

  const { data: stores } = await query.graph({ entity: "store", fields: ["default_region_id"] })
  const defaultRegionId = stores[0]?.default_region_id
  if (defaultRegionId) {
    const { data } = await query.graph({ entity: "region", fields, filters: { id: defaultRegionId } })
    if (data[0]) {
      return data[0] as StoreRegion
    }
  }
  const { data } = await query.graph({
    entity: "region",
    fields,
    pagination: { take: 1, skip: 0, order: { created_at: "ASC" } },
  })
  if (!data[0]) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The store has no region to price this in; an admin must create one."
    )
  }
  return data[0] as StoreRegion
}
