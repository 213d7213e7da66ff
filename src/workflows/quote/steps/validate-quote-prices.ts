import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { QuoteRequestDTO } from "../../../modules/quote/types"

export type ValidateQuotePricesStepInput = {
  quote: QuoteRequestDTO
  items: { id: string; unit_price: number }[]
  expires_at: string
}

/** Every line of the quote priced exactly once, and an expiry still ahead. */
export const validateQuotePricesStepId = "role-sync-validate-quote-prices"

export const validateQuotePricesStep = createStep(
  validateQuotePricesStepId,
  async ({ quote, items, expires_at }: ValidateQuotePricesStepInput) => {
    const lineIds = new Set((quote.items ?? []).map((i) => i.id))
    const seen = new Set<string>()
    const unknown: string[] = []
    const repeated: string[] = []
    for (const { id } of items) {
      if (!lineIds.has(id)) unknown.push(id)
      else if (seen.has(id)) repeated.push(id)
      seen.add(id)
    }
    const missing = [...lineIds].filter((id) => !seen.has(id))

    const problems = [
      unknown.length && `not lines of this quote: ${unknown.join(", ")}`,
      repeated.length && `priced more than once: ${repeated.join(", ")}`,
      missing.length && `missing a price: ${missing.join(", ")}`,
    ].filter(Boolean)
    if (problems.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Price every line of quote ${quote.id} exactly once; ${problems.join("; ")}.`
      )
    }
    if (new Date(expires_at).getTime() <= Date.now()) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `expires_at must be in the future (got ${expires_at}).`
      )
    }
    return new StepResponse(undefined)
  }
)
