import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { QuoteRequestDTO } from "../../../modules/quote/types"
import { unitPriceProblem } from "../../../utils/money"

export type ValidateQuotePricesStepInput = {
  quote: QuoteRequestDTO
  items: { id: string; unit_price: number }[]
  expires_at: string
}

/**
 * Every line of the quote priced exactly once with a valid price in the
 * quote's currency (finite, ≥ 0, at most MAX_QUOTE_UNIT_PRICE, no more
 * decimal places than the currency has: `0.0001` EUR would be stored as 0),
 * and an expiry still ahead. Throws INVALID_DATA (400) naming each problem.
 */
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

    const badPrices = items.flatMap((item, index) => {
      const problem = unitPriceProblem(item.unit_price, quote.currency_code)
      return problem ? [`items[${index}].unit_price ${problem} (got ${item.unit_price})`] : []
    })
    if (badPrices.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid prices for quote ${quote.id}: ${badPrices.join("; ")}.`
      )
    }

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
