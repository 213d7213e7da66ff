import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"
import type { QuoteRequestItemSnapshot } from "./validate-quote-request-items"

export type CreateQuoteRequestStepInput = {
  customer_id: string
  company_id?: string | null
  region_id: string
  currency_code: string
  sales_channel_id: string
  message?: string | null
  items: QuoteRequestItemSnapshot[]
}

/** Creates the request and its lines in one write; undone by deleting it. */
export const createQuoteRequestStepId = "role-sync-create-quote-request"

export const createQuoteRequestStep = createStep(
  createQuoteRequestStepId,
  async (input: CreateQuoteRequestStepInput, { container }) => {
    const service: QuoteModuleService = container.resolve(QUOTE_MODULE)
    const created = await service.createQuoteRequests({
      customer_id: input.customer_id,
      company_id: input.company_id ?? null,
      region_id: input.region_id,
      currency_code: input.currency_code,
      sales_channel_id: input.sales_channel_id,
      message: input.message ?? null,
      status: "requested",
      // Nested lines are created with the request in one flush, so both
      // are written or neither.
      items: input.items,
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: QuoteModuleService = container.resolve(QUOTE_MODULE)
    await service.deleteQuoteRequests(id)
  }
)
