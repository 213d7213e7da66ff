import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { resolveStoreRegionStep } from "../../common/steps/resolve-store-region"
import { validateBulkOrderLinesStep } from "../steps/validate-bulk-order-lines"

export type CreateBulkOrderCartWorkflowInput = {
  customer_id: string
  sales_channel_id: string
  region_id?: string | null
  /** Raw lines, validated by the first step. */
  items: unknown[]
}

export const createBulkOrderCartWorkflowId = "role-sync-create-bulk-order-cart"

/**
 * Turns a pasted order list into a normal Medusa cart for the customer.
 * Nothing is written unless every line is valid; the cart itself comes from
 * createCartWorkflow so catalog prices, customer-group price lists, taxes
 * and inventory checks apply as for any cart (and its compensation removes
 * the cart if a later part fails). Checkout is Medusa's usual one.
 */
export const createBulkOrderCartWorkflow = createWorkflow(
  createBulkOrderCartWorkflowId,
  (input: CreateBulkOrderCartWorkflowInput) => {
    const lines = validateBulkOrderLinesStep({
      items: input.items,
      sales_channel_id: input.sales_channel_id,
    })
    const region = resolveStoreRegionStep({ region_id: input.region_id })

    const cart = createCartWorkflow.runAsStep({
      input: transform({ input, lines, region }, ({ input, lines, region }) => ({
        customer_id: input.customer_id,
        sales_channel_id: input.sales_channel_id,
        region_id: region.id,
        items: lines,
      })),
    })

    return new WorkflowResponse(
      transform({ cart }, ({ cart }) => ({ cart_id: cart.id as string }))
    )
  }
)
