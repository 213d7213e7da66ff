import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"

export type ExpireLapsedQuotesStepInput = {
  /** ISO time; offers whose expires_at is before it have lapsed. */
  now: string
}

/**
 * Marks quoted offers past their expiry as `expired`. Output: `{ id,
 * customer_id }` of each quote it expired (the events' payloads).
 */
export const expireLapsedQuotesStepId = "role-sync-expire-lapsed-quotes"

export const expireLapsedQuotesStep = createStep(
  expireLapsedQuotesStepId,
  async (input: ExpireLapsedQuotesStepInput, { container }) => {
    const service: QuoteModuleService = container.resolve(QUOTE_MODULE)
    const now = new Date(input.now)
    // One conditional update: an offer re-priced meanwhile (new expiry) or
    // accepted meanwhile no longer matches and is left alone.
    const expired = await service.updateQuoteRequests({
      selector: { status: "quoted", expires_at: { $lt: now } },
      data: { status: "expired" },
    })
    return new StepResponse(
      expired.map((q) => ({ id: q.id, customer_id: q.customer_id })),
      expired.map((q) => q.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: QuoteModuleService = container.resolve(QUOTE_MODULE)
    await service.updateQuoteRequests(ids.map((id) => ({ id, status: "quoted" as const })))
  }
)
