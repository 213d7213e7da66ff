import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"
import type { QuoteRequestDTO } from "../../../modules/quote/types"
import { quoteScopeFilters } from "../utils/quote-scope"

export type LoadQuoteRequestStepInput = {
  id: string
  /**
   * Set for store callers: a quote outside the caller's scope is a 404. A
   * company member's scope is its active company's quotes (`company_id`);
   * anyone else's is their own quotes made without a company.
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
        id: input.id,
        ...quoteScopeFilters(input),
      },
      { relations: ["items"], take: 1 }
    )
    if (!quote) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Quote ${input.id} was not found.`
      )
    }
    return new StepResponse(quote as unknown as QuoteRequestDTO)
  }
)
