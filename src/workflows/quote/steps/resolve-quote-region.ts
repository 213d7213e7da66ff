import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveStoreRegion } from "../../../utils/store-region"

// The region (and so the currency) a quote is priced in, fixed at request time.
export const resolveQuoteRegionStepId = "role-sync-resolve-quote-region"

export const resolveQuoteRegionStep = createStep(
  resolveQuoteRegionStepId,
  async (input: { region_id?: string | null }, { container }) =>
    new StepResponse(await resolveStoreRegion(container, input.region_id))
)
