import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  invalidLinesError,
  mergedQuantityErrors,
  type InvalidLine,
} from "../../../utils/invalid-lines-error"
import { QUOTE_MAX_QUANTITY } from "../utils/quote-limits"
import {
  findCatalogVariants,
  unsellableReason,
} from "../../../utils/sellable-variants"

export type ValidateQuoteRequestItemsStepInput = {
  items: { variant_id: string; quantity: number }[]
  sales_channel_id: string
}

export type QuoteRequestItemSnapshot = {
  variant_id: string
  quantity: number
  title: string
  sku: string | null
}

/**
 * Checks every requested variant is sold through the caller's sales channel
 * and reports all bad lines at once. Repeated variants are merged into one
 * line (quantities summed) so each variant gets one price; the sum is held
 * to QUOTE_MAX_QUANTITY (limits apply after merging). Read-only.
 */
export const validateQuoteRequestItemsStepId = "role-sync-validate-quote-request-items"

export const validateQuoteRequestItemsStep = createStep(
  validateQuoteRequestItemsStepId,
  async (input: ValidateQuoteRequestItemsStepInput, { container }) => {
    const { byId } = await findCatalogVariants(container, {
      ids: input.items.map((i) => i.variant_id),
    })

    const errors: InvalidLine[] = []
    const merged = new Map<string, QuoteRequestItemSnapshot>()
    const indexes = new Map<string, number[]>()
    input.items.forEach((item, index) => {
      const variant = byId.get(item.variant_id)
      const reason = unsellableReason(
        variant,
        `variant ${item.variant_id}`,
        input.sales_channel_id
      )
      if (reason) {
        errors.push({ index, reason })
        return
      }
      indexes.set(item.variant_id, [...(indexes.get(item.variant_id) ?? []), index])
      const line = merged.get(item.variant_id)
      if (line) {
        line.quantity += item.quantity
        return
      }
      merged.set(item.variant_id, {
        variant_id: item.variant_id,
        quantity: item.quantity,
        title: variant!.title,
        sku: variant!.sku,
      })
    })

    errors.push(
      ...mergedQuantityErrors(
        [...merged.values()].map((line) => ({ ...line, indexes: indexes.get(line.variant_id)! })),
        QUOTE_MAX_QUANTITY
      )
    )
    if (errors.length) {
      throw invalidLinesError(errors.sort((a, b) => a.index - b.index))
    }
    return new StepResponse([...merged.values()])
  }
)
