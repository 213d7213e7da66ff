import { releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createHook,
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { RoleSyncEvents } from "../../../utils/events"
import { assertQuoteTransitionStep } from "../steps/assert-quote-transition"
import { setQuotedPricesStep } from "../steps/set-quoted-prices"
import { updateQuoteRequestStep } from "../steps/update-quote-request"
import { validateQuotePricesStep } from "../steps/validate-quote-prices"
import { emitQuoteEvent } from "../utils/emit-quote-event"
import { lockAndLoadQuote } from "../utils/lock-quote"

export type RespondToQuoteWorkflowInput = {
  quote_id: string
  /** One price per line, in the quote currency's major unit. */
  items: { id: string; unit_price: number }[]
  note?: string | null
  /** ISO date-time, in the future. */
  expires_at: string
  /** Passed to the `validate` and `quoteResponded` hooks. */
  additional_data?: Record<string, unknown> | null
}

export const respondToQuoteWorkflowId = "role-sync-respond-to-quote"

/**
 * An admin prices every line and sets an expiry: requested → quoted, or a
 * quoted offer re-priced. Locked per quote so it can't race an accept.
 *
 * Output: the updated quote. Errors: NOT_FOUND, NOT_ALLOWED (final status),
 * INVALID_DATA (a line unpriced, unknown or priced twice; a past expiry).
 * Event on success: `quote_request.responded` `{ id, customer_id }`.
 *
 * Hooks:
 * - `validate({ input, quote })` runs after the checks, before any write
 *   (e.g. refuse prices under cost). Throw to refuse.
 * - `quoteResponded({ quote, additional_data })` runs after the write; a
 *   throw in it puts the old prices, status and note back.
 */
export const respondToQuoteWorkflow = createWorkflow(
  respondToQuoteWorkflowId,
  (input: RespondToQuoteWorkflowInput) => {
    const { lockKey, quote } = lockAndLoadQuote(input)
    const status = assertQuoteTransitionStep({ quote, action: "respond" })
    validateQuotePricesStep({
      quote,
      items: input.items,
      expires_at: input.expires_at,
    })

    const validate = createHook("validate", { input, quote })

    setQuotedPricesStep({ quote_id: input.quote_id, prices: input.items })
    const updated = updateQuoteRequestStep(
      transform({ input, status }, ({ input, status }) => ({
        id: input.quote_id,
        status,
        expires_at: new Date(input.expires_at),
        // Re-pricing without a note keeps the earlier one.
        ...(input.note !== undefined ? { admin_note: input.note } : {}),
      }))
    )

    const quoteResponded = createHook("quoteResponded", {
      quote: updated,
      additional_data: input.additional_data,
    })

    emitQuoteEvent(RoleSyncEvents.QUOTE_REQUEST_RESPONDED, updated)

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(updated, { hooks: [validate, quoteResponded] })
  }
)
