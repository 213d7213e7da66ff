import { emitEventStep } from "@medusajs/medusa/core-flows"
import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { QuoteRequestDTO } from "../../../modules/quote/types"
import type { RoleSyncEventName } from "../../../utils/events"

/**
 * Emits a `quote_request.*` event in a workflow's composition, released only
 * if the workflow succeeds. Payload ids only: `{ id, display_id, customer_id }`
 * (`display_id` so a subscriber can say "quote #12" without a lookup), plus
 * `company_id` for a company's quote and `cart_id` for an accepted quote.
 */
export function emitQuoteEvent(
  eventName: RoleSyncEventName,
  quote: WorkflowData<QuoteRequestDTO>
) {
  return emitEventStep({
    eventName,
    data: transform({ quote }, ({ quote }) => ({
      id: quote.id,
      display_id: quote.display_id,
      customer_id: quote.customer_id,
      ...(quote.company_id ? { company_id: quote.company_id } : {}),
      ...(quote.status === "accepted" && quote.cart_id ? { cart_id: quote.cart_id } : {}),
    })),
  })
    // No dots in step names: the orchestrator joins step paths with them.
    .config({ name: `role-sync-emit-${eventName.replace(/[._]/g, "-")}` })
}
