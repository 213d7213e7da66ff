import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { RoleSyncEvents } from "../../../utils/events"
import { createQuoteRequestStep } from "../steps/create-quote-request"
import { resolveQuoteRegionStep } from "../steps/resolve-quote-region"
import { validateQuoteRequestItemsStep } from "../steps/validate-quote-request-items"

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
}

export const createQuoteRequestWorkflowId = "role-sync-create-quote-request"

/**
 * A business customer asks for prices: lines are checked against the
 * catalog first (all bad lines reported together), then the request is
 * stored and `quote_request.created` is emitted once the workflow succeeds.
 */
export const createQuoteRequestWorkflow = createWorkflow(
  createQuoteRequestWorkflowId,
  (input: CreateQuoteRequestWorkflowInput) => {
    const items = validateQuoteRequestItemsStep({
      items: input.items,
      sales_channel_id: input.sales_channel_id,
    })
    const region = resolveQuoteRegionStep({ region_id: input.region_id })

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

    emitEventStep({
      eventName: RoleSyncEvents.QUOTE_REQUEST_CREATED,
      data: transform({ quote }, ({ quote }) => ({
        id: quote.id,
        customer_id: quote.customer_id,
        ...(quote.company_id ? { company_id: quote.company_id } : {}),
      })),
    }).config({ name: "role-sync-emit-quote-request-created" })

    return new WorkflowResponse(quote)
  }
)
