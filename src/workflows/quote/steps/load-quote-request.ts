import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"
import { quoteScopeFilters } from "../utils/quote-scope"

export type LoadQuoteRequestStepInput = {
  quote_id: string
  /**
   * Set for store callers: a quote outside the caller's scope is a 404. A
   * company member's scope is its active company's quotes (`company_id`);
   * anyone else's is their own quotes made without a company (DESIGN §10).
   */
  customer_id?: string
  company_id?: string | null
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
        ...quoteScopeFilters(input),
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
