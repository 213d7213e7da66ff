import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { RoleSyncEvents } from "../../../utils/events"
import { expireLapsedQuotesStep } from "../steps/expire-lapsed-quotes"

export const expireQuotesWorkflowId = "role-sync-expire-quotes"

/**
 * Lapsed offers become `expired` so lists show the truth. Accepting one was
 * already refused (accept checks expires_at itself): this only tidies up.
 * Input `{ now }` (ISO time). Output: the ids of the quotes it expired; one
 * `quote_request.expired` `{ id, customer_id }` each, on success.
 */
export const expireQuotesWorkflow = createWorkflow(
  expireQuotesWorkflowId,
  (input: { now: string }) => {
    const expired = expireLapsedQuotesStep(input)

    emitEventStep({
      eventName: RoleSyncEvents.QUOTE_REQUEST_EXPIRED,
      data: expired,
    }).config({ name: "role-sync-emit-quotes-expired" })

    return new WorkflowResponse(
      transform({ expired }, ({ expired }) => expired.map((quote) => quote.id))
    )
  }
)
