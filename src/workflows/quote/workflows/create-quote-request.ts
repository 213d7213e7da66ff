import {
  createHook,
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { RoleSyncEvents } from "../../../utils/events"
import { resolveStoreRegionStep } from "../../common/steps/resolve-store-region"
import { createQuoteRequestStep } from "../steps/create-quote-request"
import { validateQuoteRequestItemsStep } from "../steps/validate-quote-request-items"
import { emitQuoteEvent } from "../utils/emit-quote-event"

export type CreateQuoteRequestWorkflowInput = {
  customer_id: string
  /**
   * The requester's active company (DESIGN §10 rule 3): the quote belongs
   * to it and every member sees it. Null for a sole trader.
   */
  company_id?: string | null
  /** The publishable key's sales channel: the quote is for what it sells. */
  sales_channel_id: string
  region_id?: string | null
  items: { variant_id: string; quantity: number }[]
  message?: string | null
  /** Passed to the `validate` and `quoteRequestCreated` hooks. */
  additional_data?: Record<string, unknown> | null
}

export const createQuoteRequestWorkflowId = "role-sync-create-quote-request"

/**
 * A business customer asks for prices: lines are checked against the
 * catalog first (all bad lines reported together, repeated variants merged),
 * then the request is stored and `quote_request.created` (`{ id,
 * customer_id }`) is emitted once the workflow succeeds.
 *
 * Output: the stored quote (QuoteRequestDTO, with its lines).
 * Errors: INVALID_DATA with `errors: [{ index, reason }]` for bad lines,
 * INVALID_DATA for an unknown region.
 *
 * Hooks:
 * - `validate({ input, items, region })` runs after the reads and before any
 *   write; `items` are the merged lines with their title and SKU snapshots,
 *   `region` is `{ id, currency_code }`. Throw to refuse the request.
 * - `quoteRequestCreated({ quote, additional_data })` runs after the write;
 *   a throw in it removes the quote again.
 */
export const createQuoteRequestWorkflow = createWorkflow(
  createQuoteRequestWorkflowId,
  (input: CreateQuoteRequestWorkflowInput) => {
    const items = validateQuoteRequestItemsStep({
      items: input.items,
      sales_channel_id: input.sales_channel_id,
    })
    const region = resolveStoreRegionStep({ region_id: input.region_id })

    const validate = createHook("validate", { input, items, region })

    const quote = createQuoteRequestStep(
      transform({ input, items, region }, ({ input, items, region }) => ({
        customer_id: input.customer_id,
        company_id: input.company_id ?? null,
        region_id: region.id,
        currency_code: region.currency_code,
        sales_channel_id: input.sales_channel_id,
        message: input.message ?? null,
        items,
      }))
    )

    const quoteRequestCreated = createHook("quoteRequestCreated", {
      quote,
      additional_data: input.additional_data,
    })

    emitQuoteEvent(RoleSyncEvents.QUOTE_REQUEST_CREATED, quote)

    return new WorkflowResponse(quote, { hooks: [validate, quoteRequestCreated] })
  }
)
