import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"
import type {
  QuoteRejecter,
  QuoteRequestDTO,
  QuoteStatus,
} from "../../../modules/quote/types"

export type UpdateQuoteRequestStepInput = {
  id: string
  status?: QuoteStatus
  admin_note?: string | null
  expires_at?: Date | null
  cart_id?: string | null
  rejected_by?: QuoteRejecter | null
}

/** Updates the given fields; compensation puts back their previous values. */
export const updateQuoteRequestStepId = "role-sync-update-quote-request"

export const updateQuoteRequestStep = createStep(
  updateQuoteRequestStepId,
  async (input: UpdateQuoteRequestStepInput, { container }) => {
    const service: QuoteModuleService = container.resolve(QUOTE_MODULE)
    const fields = Object.keys(input).filter((k) => k !== "id")
    const before: Record<string, unknown> = await service.retrieveQuoteRequest(input.id)
    const previous = Object.fromEntries(fields.map((k) => [k, before[k] ?? null]))

    const updated = await service.updateQuoteRequests(input)
    return new StepResponse(updated as unknown as QuoteRequestDTO, {
      id: input.id,
      ...previous,
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: QuoteModuleService = container.resolve(QUOTE_MODULE)
    await service.updateQuoteRequests(previous)
  }
)
