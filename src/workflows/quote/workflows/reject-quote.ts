import { releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createHook,
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { QuoteRejecter } from "../../../modules/quote/types"
import { RoleSyncEvents } from "../../../utils/events"
import { assertQuoteTransitionStep } from "../steps/assert-quote-transition"
import { updateQuoteRequestStep } from "../steps/update-quote-request"
import { emitQuoteEvent } from "../utils/emit-quote-event"
import { lockAndLoadQuote } from "../utils/lock-quote"

export type RejectQuoteWorkflowInput = {
  quote_id: string
  rejected_by: QuoteRejecter
  /** For a customer: only their own quote. */
  customer_id?: string
  /** The caller's active company: its quotes are in scope (DESIGN §10). */
  company_id?: string | null
  /** An admin's reason, kept as the quote's admin_note. */
  note?: string | null
  /** Passed to the `validate` and `quoteRejected` hooks. */
  additional_data?: Record<string, unknown> | null
}

export const rejectQuoteWorkflowId = "role-sync-reject-quote"

/**
 * Either side turns down a requested or quoted quote.
 *
 * Output: the updated quote. Errors: NOT_FOUND (unknown, or another
 * customer's), NOT_ALLOWED (a final status).
 * Event on success: `quote_request.rejected` `{ id, customer_id }`.
 *
 * Hooks: `validate({ input, quote })` before the write (throw to refuse);
 * `quoteRejected({ quote, additional_data })` after it.
 */
export const rejectQuoteWorkflow = createWorkflow(
  rejectQuoteWorkflowId,
  (input: RejectQuoteWorkflowInput) => {
    const { lockKey, quote } = lockAndLoadQuote(input)
    const status = assertQuoteTransitionStep({ quote, action: "reject" })

    const validate = createHook("validate", { input, quote })

    const updated = updateQuoteRequestStep(
      transform({ input, status }, ({ input, status }) => ({
        id: input.quote_id,
        status,
        rejected_by: input.rejected_by,
        ...(input.note !== undefined ? { admin_note: input.note } : {}),
      }))
    )

    const quoteRejected = createHook("quoteRejected", {
      quote: updated,
      additional_data: input.additional_data,
    })

    emitQuoteEvent(RoleSyncEvents.QUOTE_REQUEST_REJECTED, updated)

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(updated, { hooks: [validate, quoteRejected] })
  }
)
