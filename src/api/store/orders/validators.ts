import { z } from "@medusajs/framework/zod"
import { idSchema } from "../../../utils/text-schema"
import { BULK_ORDER_MAX_LINES } from "../../../workflows/bulk-order/steps/validate-bulk-order-lines"

/**
 * Only the envelope is checked here; each line is checked by the bulk-order
 * workflow so that every bad line is reported in one answer.
 */
export const StoreCreateBulkOrder = z
  .object({
    region_id: idSchema().optional(),
    items: z.array(z.unknown()).min(1).max(BULK_ORDER_MAX_LINES),
  })
  .strict()

export type StoreCreateBulkOrderType = z.infer<typeof StoreCreateBulkOrder>
