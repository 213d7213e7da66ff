import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveStoreRegion } from "../../../utils/store-region"

// Asked-for region, else the store's default, else the first; 400 if unknown.
export const resolveBulkOrderRegionStepId = "role-sync-resolve-bulk-order-region"

export const resolveBulkOrderRegionStep = createStep(
  resolveBulkOrderRegionStepId,
  async (input: { region_id?: string | null }, { container }) =>
    new StepResponse(await resolveStoreRegion(container, input.region_id))
)
