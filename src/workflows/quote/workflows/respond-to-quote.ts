import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { assertQuoteTransitionStep } from "../steps/assert-quote-transition"
import { loadQuoteRequestStep } from "../steps/load-quote-request"
import { setQuotedPricesStep } from "../steps/set-quoted-prices"
import { updateQuoteRequestStep } from "../steps/update-quote-request"
import { validateQuotePricesStep } from "../steps/validate-quote-prices"
import { quoteLockKey } from "../utils/quote-lock-key"

export type RespondToQuoteWorkflowInput = {
  quote_id: string
  items: { id: string; unit_price: number }[]
  note?: string | null
  expires_at: string
}

export const respondToQuoteWorkflowId = "role-sync-respond-to-quote"

/**
 * An admin prices every line and sets an expiry: requested → quoted, or a
 * quoted offer re-priced. Locked per quote so it can't race an accept.
 */
export const respondToQuoteWorkflow = createWorkflow(
  respondToQuoteWorkflowId,
  (input: RespondToQuoteWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => quoteLockKey(input.quote_id))
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 30, retryInterval: 0.05 })

    const quote = loadQuoteRequestStep({ id: input.quote_id })
    const status = assertQuoteTransitionStep({ quote, action: "respond" })
    validateQuotePricesStep({
      quote,
      items: input.items,
      expires_at: input.expires_at,
    })

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

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(updated)
  }
)
