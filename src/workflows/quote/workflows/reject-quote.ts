import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { QuoteRejecter } from "../../../modules/quote/types"
import { assertQuoteTransitionStep } from "../steps/assert-quote-transition"
import { loadQuoteRequestStep } from "../steps/load-quote-request"
import { updateQuoteRequestStep } from "../steps/update-quote-request"
import { quoteLockKey } from "../utils/quote-lock-key"

export type RejectQuoteWorkflowInput = {
  quote_id: string
  rejected_by: QuoteRejecter
  /** For a customer: only a quote in their scope (own, or their company's). */
  customer_id?: string
  company_id?: string | null
  /** An admin's reason, kept as the quote's admin_note. */
  note?: string | null
}

export const rejectQuoteWorkflowId = "role-sync-reject-quote"

/** Either side turns down a requested or quoted quote. */
export const rejectQuoteWorkflow = createWorkflow(
  rejectQuoteWorkflowId,
  (input: RejectQuoteWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => quoteLockKey(input.quote_id))
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 30, retryInterval: 0.05 })

    const quote = loadQuoteRequestStep(
      transform({ input }, ({ input }) => ({
        id: input.quote_id,
        customer_id: input.customer_id,
        company_id: input.company_id ?? null,
      }))
    )
    const status = assertQuoteTransitionStep({ quote, action: "reject" })
    const updated = updateQuoteRequestStep(
      transform({ input, status }, ({ input, status }) => ({
        id: input.quote_id,
        status,
        rejected_by: input.rejected_by,
        ...(input.note !== undefined ? { admin_note: input.note } : {}),
      }))
    )

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(updated)
  }
)
