import { z } from "@medusajs/framework/zod"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  invalidLinesError,
  mergedQuantityErrors,
  type InvalidLine,
} from "../../../utils/invalid-lines-error"
import {
  findCatalogVariants,
  unsellableReason,
} from "../../../utils/sellable-variants"
import { idSchema, textSchema } from "../../../utils/text-schema"
import { formatZodIssues } from "../../../utils/zod-issues"

/** Per variant, after repeated lines (by id or SKU) are merged. */
export const BULK_ORDER_MAX_QUANTITY = 10000
export const BULK_ORDER_MAX_LINES = 500

/** One line: a variant by id or by SKU (exactly one), and a quantity. */
export const BulkOrderLine = z
  .object({
    variant_id: idSchema().optional(),
    sku: textSchema({ max: 255 }).optional(),
    quantity: z.number().int().min(1).max(BULK_ORDER_MAX_QUANTITY),
  })
  .strict()
  .refine((line) => (line.variant_id === undefined) !== (line.sku === undefined), {
    message: "give exactly one of variant_id or sku",
  })

export type BulkOrderLineInput = z.infer<typeof BulkOrderLine>

export type ValidateBulkOrderLinesStepInput = {
  /** Raw lines: validated here so every bad line is reported in one 400. */
  items: unknown[]
  sales_channel_id: string
}

const describeIssues = (issues: z.core.$ZodIssue[], line: unknown) =>
  formatZodIssues(issues, line, "line")
    .map((problem) => problem.message)
    .join(", ")

/**
 * All-or-nothing check of a bulk order before anything is written: shape
 * and quantity of each line, then that each variant or SKU exists and is
 * sold through the caller's sales channel. Returns one line per variant,
 * repeated variants (by id or SKU) merged with their quantities summed; the
 * sum is held to BULK_ORDER_MAX_QUANTITY too (limits apply after merging),
 * naming every line that went into it.
 */
export const validateBulkOrderLinesStepId = "role-sync-validate-bulk-order-lines"

export const validateBulkOrderLinesStep = createStep(
  validateBulkOrderLinesStepId,
  async (input: ValidateBulkOrderLinesStepInput, { container }) => {
    const parsed = input.items.map((item) => BulkOrderLine.safeParse(item))
    const wellFormed = parsed.flatMap((p) => (p.success ? [p.data] : []))
    const { byId, bySku } = await findCatalogVariants(container, {
      ids: wellFormed.flatMap((l) => (l.variant_id ? [l.variant_id] : [])),
      skus: wellFormed.flatMap((l) => (l.sku ? [l.sku] : [])),
    })

    const errors: InvalidLine[] = []
    const merged = new Map<string, { variant_id: string; quantity: number; indexes: number[] }>()
    parsed.forEach((result, index) => {
      if (!result.success) {
        errors.push({ index, reason: describeIssues(result.error.issues, input.items[index]) })
        return
      }
      const line = result.data
      const variant = line.variant_id ? byId.get(line.variant_id) : bySku.get(line.sku!)
      const ref = line.variant_id ? `variant ${line.variant_id}` : `SKU ${line.sku}`
      const reason = unsellableReason(variant, ref, input.sales_channel_id)
      if (reason) {
        errors.push({ index, reason })
        return
      }
      const existing = merged.get(variant!.id)
      if (existing) {
        existing.quantity += line.quantity
        existing.indexes.push(index)
      } else {
        merged.set(variant!.id, { variant_id: variant!.id, quantity: line.quantity, indexes: [index] })
      }
    })
    errors.push(...mergedQuantityErrors(merged.values(), BULK_ORDER_MAX_QUANTITY))

    if (errors.length) {
      throw invalidLinesError(errors.sort((a, b) => a.index - b.index))
    }
    return new StepResponse(
      [...merged.values()].map(({ variant_id, quantity }) => ({ variant_id, quantity }))
    )
  }
)
