import { z } from "@medusajs/framework/zod"

/**
 * Only the envelope is checked here; each line is checked by the bulk-order
 * workflow so that every bad line is reported in one answer.
 */
export const StoreCreateBulkOrder = z
  .object({
    region_id: z.string().min(1).optional(),
    items: z.array(z.unknown()).min(1).max(500),
  })
  .strict()

export type StoreCreateBulkOrderType = z.infer<typeof StoreCreateBulkOrder>
