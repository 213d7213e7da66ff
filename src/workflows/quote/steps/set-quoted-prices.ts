import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"

export type SetQuotedPricesStepInput = {
  quote_id: string
  prices: { id: string; unit_price: number }[]
}

/** Writes each line's quoted unit price; compensation restores the old ones. */
export const setQuotedPricesStepId = "role-sync-set-quoted-prices"

export const setQuotedPricesStep = createStep(
  setQuotedPricesStepId,
  async (input: SetQuotedPricesStepInput, { container }) => {
    const service: QuoteModuleService = container.resolve(QUOTE_MODULE)
    const before = await service.listQuoteRequestItems(
      { quote_request_id: input.quote_id },
      { select: ["id", "quoted_unit_price"] }
    )
    await service.updateQuoteRequestItems(
      input.prices.map((p) => ({ id: p.id, quoted_unit_price: p.unit_price }))
    )
    return new StepResponse(
      undefined,
      before.map((i) => ({ id: i.id, quoted_unit_price: i.quoted_unit_price ?? null }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const service: QuoteModuleService = container.resolve(QUOTE_MODULE)
    await service.updateQuoteRequestItems(previous)
  }
)
