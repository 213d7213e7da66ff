import { createCartWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
  type WorkflowData,
} from "@medusajs/framework/workflows-sdk"
import type { QuoteRequestDTO } from "../../../modules/quote/types"
import { RoleSyncEvents } from "../../../utils/events"
import { checkQuoteAcceptableStep } from "../steps/check-quote-acceptable"
import {
  markQuoteAcceptedStep,
  markQuoteExpiredStep,
} from "../steps/update-quote-request"
import { emitQuoteEvent } from "../utils/emit-quote-event"
import { lockAndLoadQuote } from "../utils/lock-quote"

export type AcceptQuoteWorkflowInput = {
  quote_id: string
  /** Who accepts: the cart is theirs (a company admin, or the sole trader). */
  customer_id: string
  /** The accepting customer's active company: its quotes are in scope (DESIGN §10). */
  company_id?: string | null
  /** The sales channels of the caller's publishable key. */
  sales_channel_ids: string[]
  /** Passed to the `validate` and `quoteAccepted` hooks. */
  additional_data?: Record<string, unknown> | null
}

export type AcceptQuoteWorkflowOutput = {
  quote_id: string
  /** The offer had run out: the quote is now `expired` and no cart exists. */
  expired: boolean
  cart_id: string | null
}

const declareQuoteAcceptedHook = (data: {
  quote: WorkflowData<QuoteRequestDTO>
  cart_id: string
  additional_data: AcceptQuoteWorkflowInput["additional_data"]
}) => createHook("quoteAccepted", data)

export const acceptQuoteWorkflowId = "role-sync-accept-quote"

/**
 * The customer takes a quoted offer: a Medusa cart with the quoted unit
 * prices (custom prices, in the quote currency's major unit) is created and
 * recorded on the quote, which becomes accepted. Locked per quote, and the
 * status is read inside the lock, so a double click yields one cart and one
 * 400. If the cart can't be built the quote stays quoted; if anything after
 * the cart fails, Medusa's own compensation removes the cart and the quote
 * is put back as it was.
 *
 * Output: `{ quote_id, expired, cart_id }`. An offer past its expiry is not
 * an error here: it is marked `expired` (`quote_request.expired`) and the
 * caller refuses it. Errors: NOT_FOUND (not the customer's quote),
 * NOT_ALLOWED (wrong status, another sales channel, unpriced lines).
 * Events on success: `quote_request.accepted` `{ id, customer_id, cart_id }`
 * or `quote_request.expired` `{ id, customer_id }`.
 *
 * Hooks:
 * - `validate({ input, quote })` runs under the lock after the checks and
 *   before any write (the quote has its lines). Throw to refuse.
 * - `quoteAccepted({ quote, cart_id, additional_data })` runs after the
 *   quote is accepted (not for an expired offer); a throw rolls it back.
 */
export const acceptQuoteWorkflow = createWorkflow(
  acceptQuoteWorkflowId,
  (input: AcceptQuoteWorkflowInput) => {
    const { lockKey, quote } = lockAndLoadQuote(input, 60)
    const check = checkQuoteAcceptableStep({
      quote,
      sales_channel_ids: input.sales_channel_ids,
    })

    const validate = createHook("validate", { input, quote })

    when({ check }, ({ check }) => check.expired).then(() => {
      markQuoteExpiredStep({ id: input.quote_id, status: "expired" })
      emitQuoteEvent(RoleSyncEvents.QUOTE_REQUEST_EXPIRED, quote)
    })

    // Declared inside the branch below (composition runs it at once), so the
    // hook runs only when the quote is really accepted.
    let quoteAccepted!: ReturnType<typeof declareQuoteAcceptedHook>
    const cart = when({ check }, ({ check }) => !check.expired).then(() => {
      const cart = createCartWorkflow.runAsStep({
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
      const updated = markQuoteAcceptedStep(
        transform({ input, cart }, ({ input, cart }) => ({
          id: input.quote_id,
          status: "accepted" as const,
          cart_id: cart.id,
        }))
      )

      quoteAccepted = declareQuoteAcceptedHook({
        quote: updated,
        cart_id: cart.id,
        additional_data: input.additional_data,
      })

      emitQuoteEvent(RoleSyncEvents.QUOTE_REQUEST_ACCEPTED, updated)

      return cart
    })

    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(
      transform({ input, check, cart }, ({ input, check, cart }): AcceptQuoteWorkflowOutput => ({
        quote_id: input.quote_id,
        expired: check.expired,
        cart_id: cart?.id ?? null,
      })),
      { hooks: [validate, quoteAccepted] }
    )
  }
)
