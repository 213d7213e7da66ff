import {
  acquireLockStep,
  createCartWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { checkQuoteAcceptableStep } from "../steps/check-quote-acceptable"
import { loadQuoteRequestStep } from "../steps/load-quote-request"
import { updateQuoteRequestStep } from "../steps/update-quote-request"
import { quoteLockKey } from "../utils/quote-lock-key"

export type AcceptQuoteWorkflowInput = {
  quote_id: string
  /** Who accepts: the cart is theirs (a company admin, or the sole trader). */
  customer_id: string
  /** The accepting customer's active company: its quotes are in scope. */
  company_id?: string | null
  /** The sales channels of the caller's publishable key. */
  sales_channel_ids: string[]
}

export type AcceptQuoteWorkflowOutput = {
  quote_id: string
  /** The offer had run out: the quote is now `expired` and no cart exists. */
  expired: boolean
  cart_id: string | null
}

export const acceptQuoteWorkflowId = "role-sync-accept-quote"

/**
 * The customer takes a quoted offer: a Medusa cart with the quoted unit
 * prices (custom prices) is created and recorded on the quote, which becomes
 * accepted. Locked per quote, and the status is read inside the lock, so a
 * double click yields one cart and one 400. If the cart step fails, the
 * quote stays quoted; if the quote update fails, Medusa's own compensation
 * removes the cart.
 */
export const acceptQuoteWorkflow = createWorkflow(
  acceptQuoteWorkflowId,
  (input: AcceptQuoteWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => quoteLockKey(input.quote_id))
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60, retryInterval: 0.05 })

    const quote = loadQuoteRequestStep(
      transform({ input }, ({ input }) => ({
        id: input.quote_id,
        customer_id: input.customer_id,
        company_id: input.company_id ?? null,
      }))
    )
    const check = checkQuoteAcceptableStep({
      quote,
      sales_channel_ids: input.sales_channel_ids,
    })

    when({ check }, ({ check }) => check.expired).then(() => {
      updateQuoteRequestStep({ id: input.quote_id, status: "expired" }).config({
        name: "role-sync-mark-quote-expired",
      })
    })

    const cart = when({ check }, ({ check }) => !check.expired).then(() => {
      const created = createCartWorkflow.runAsStep({
        input: transform({ quote, input }, ({ quote, input }) => ({
          // The one who accepts checks out (for a company, an admin who
          // may not be the member who asked).
          customer_id: input.customer_id,
          region_id: quote.region_id,
          currency_code: quote.currency_code,
          sales_channel_id: quote.sales_channel_id,
          metadata: { quote_request_id: quote.id },
          items: (quote.items ?? []).map((item) => ({
            variant_id: item.variant_id,
            quantity: item.quantity,
            unit_price: Number(item.quoted_unit_price),
            // Lets a host refuse quantity changes on quoted lines.
            metadata: { quote_request_id: quote.id, quote_request_item_id: item.id },
          })),
        })),
      })
      updateQuoteRequestStep(
        transform({ input, created }, ({ input, created }) => ({
          id: input.quote_id,
          status: "accepted" as const,
          cart_id: created.id,
        }))
      ).config({ name: "role-sync-mark-quote-accepted" })
      return created
    })

    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(
      transform({ input, check, cart }, ({ input, check, cart }): AcceptQuoteWorkflowOutput => ({
        quote_id: input.quote_id,
        expired: check.expired,
        cart_id: cart?.id ?? null,
      }))
    )
  }
)
