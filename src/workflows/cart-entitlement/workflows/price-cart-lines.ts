import { getVariantPriceSetsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"

export type PriceCartLinesWorkflowInput = {
  /** One entry per cart line: the line id, its variant and its pricing context. */
  lines: { id: string; variantId: string; context: Record<string, unknown> }[]
}

export const priceCartLinesWorkflowId = "role-sync-price-cart-lines"

/**
 * Read-only: what each line would cost now, computed by Medusa's own
 * variant pricing step (price lists and price rules, customer groups
 * included). Output: calculated price sets keyed by line id (amounts in the
 * currency's major unit). Writes nothing.
 */
export const priceCartLinesWorkflow = createWorkflow(
  priceCartLinesWorkflowId,
  (input: PriceCartLinesWorkflowInput) =>
    new WorkflowResponse(getVariantPriceSetsStep({ data: input.lines } as any))
)
