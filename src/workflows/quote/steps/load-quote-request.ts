import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"

export type LoadQuoteRequestStepInput = {
  quote_id: string
  /** Set for store callers: another customer's quote is a 404. */
  customer_id?: string
}

/** Reads the quote with its lines; run after the lock so the status is fresh. */
export const loadQuoteRequestStepId = "role-sync-load-quote-request"

export const loadQuoteRequestStep = createStep(
  loadQuoteRequestStepId,
  async (input: LoadQuoteRequestStepInput, { container }) => {
    const service: QuoteModuleService = container.resolve(QUOTE_MODULE)
    const [quote] = await service.listQuoteRequests(
      {
        id: input.quote_id,
        ...(input.customer_id ? { customer_id: input.customer_id } : {}),
      },
      { relations: ["items"], take: 1 }
    )
    if (!quote) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Quote ${input.quote_id} was not found.`
      )
    }
    return new StepResponse(quote)
  }
)
