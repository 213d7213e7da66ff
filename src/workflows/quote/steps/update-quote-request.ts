import {
  createStep,
  StepResponse,
  type StepExecutionContext,
} from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"
import type { QuoteRejecter, QuoteStatus } from "../../../modules/quote/types"

export type UpdateQuoteRequestStepInput = {
  id: string
  status?: QuoteStatus
  admin_note?: string | null
  expires_at?: Date | null
  cart_id?: string | null
  rejected_by?: QuoteRejecter | null
}

/** Writes the given fields; the compensation input is their previous values. */
async function updateQuoteRequest(input: UpdateQuoteRequestStepInput, { container }: StepExecutionContext) {
  const service: QuoteModuleService = container.resolve(QUOTE_MODULE)
  const fields = Object.keys(input).filter((k) => k !== "id") as (keyof typeof input)[]
  const before = await service.retrieveQuoteRequest(input.id)
  const previous: UpdateQuoteRequestStepInput = { id: input.id }
  for (const field of fields) {
    Object.assign(previous, { [field]: before[field] ?? null })
  }
  const updated = await service.updateQuoteRequests(input)
  return new StepResponse(updated, previous)
}

async function restoreQuoteRequest(
  previous: UpdateQuoteRequestStepInput | undefined,
  { container }: StepExecutionContext
) {
  if (!previous) {
    return
  }
  const service: QuoteModuleService = container.resolve(QUOTE_MODULE)
  await service.updateQuoteRequests(previous)
}

/** Updates the given fields; compensation puts back their previous values. */
export const updateQuoteRequestStepId = "role-sync-update-quote-request"

export const updateQuoteRequestStep = createStep(
  updateQuoteRequestStepId,
  updateQuoteRequest,
  restoreQuoteRequest
)

// The same write under ids of their own, for use inside when(): Medusa 2.21's
// when().then() reinstates a step's original handler over one renamed with
// .config({ name }), and that handler looks its compensation input up under
// the original name, so a renamed step inside when() is never undone.

/** Records the cart and the `accepted` status on the quote (accept). */
export const markQuoteAcceptedStepId = "role-sync-mark-quote-accepted"
export const markQuoteAcceptedStep = createStep(
  markQuoteAcceptedStepId,
  updateQuoteRequest,
  restoreQuoteRequest
)

/** Records a lapsed offer as `expired` (accept). */
export const markQuoteExpiredStepId = "role-sync-mark-quote-expired"
export const markQuoteExpiredStep = createStep(
  markQuoteExpiredStepId,
  updateQuoteRequest,
  restoreQuoteRequest
)
