import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ResolveStoreRegionStepInput = {
  /** The region the customer asked for; optional. */
  region_id?: string | null
}

export type StoreRegion = { id: string; currency_code: string }

/**
 * The region to price in: the one asked for, else the store's default
 * region, else the oldest region. An unknown id is a 400 (INVALID_DATA,
 * naming it), not Medusa's 404; a store without regions is a 400 too.
 */
async function resolveStoreRegion(
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

/**
 * The region (and so the currency) a quote or a bulk-order cart is priced
 * in, fixed when it is made. Read-only: nothing to compensate.
 * Output: `{ id, currency_code }`.
 */
export const resolveStoreRegionStepId = "role-sync-resolve-store-region"

export const resolveStoreRegionStep = createStep(
  resolveStoreRegionStepId,
  async (input: ResolveStoreRegionStepInput, { container }) =>
    new StepResponse(await resolveStoreRegion(container, input.region_id))
)
