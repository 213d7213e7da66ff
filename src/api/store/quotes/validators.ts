import { z } from "@medusajs/framework/zod"
import { QUOTE_STATUSES } from "../../../modules/quote/types"
import { idSchema, textSchema } from "../../../utils/text-schema"
import {
  QUOTE_MAX_LINES,
  QUOTE_MAX_QUANTITY,
  QUOTE_MESSAGE_MAX_LENGTH,
} from "../../../workflows/quote/utils/quote-limits"

export const StoreCreateQuoteRequest = z
  .object({
    items: z
      .array(
        z
          .object({
            variant_id: idSchema(),
            // Per line; repeated variants are merged and the sum is held to
            // the same limit by the workflow.
            quantity: z.number().int().min(1).max(QUOTE_MAX_QUANTITY),
          })
          .strict()
      )
      .min(1)
      .max(QUOTE_MAX_LINES),
    message: textSchema({ max: QUOTE_MESSAGE_MAX_LENGTH, multiline: true }).nullish(),
    // Optional: defaults to the store's default region, else the first one.
    region_id: idSchema().optional(),
  })
  .strict()

export type StoreCreateQuoteRequestType = z.infer<typeof StoreCreateQuoteRequest>

/** `?status=quoted` or `?status[]=quoted&status[]=accepted`, as an array. */
export const QuoteStatusFilter = z.preprocess(
  (value) => (value === undefined ? value : [value].flat()),
  z.array(z.enum(QUOTE_STATUSES))
)

export const StoreGetQuotesParams = z.object({
  status: QuoteStatusFilter.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export type StoreGetQuotesParamsType = z.infer<typeof StoreGetQuotesParams>
