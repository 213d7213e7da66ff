import { z } from "@medusajs/framework/zod"
import { QUOTE_STATUSES } from "../../../modules/quote/types"

export const StoreCreateQuoteRequest = z
  .object({
    items: z
      .array(
        z
          .object({
            variant_id: z.string().min(1),
            quantity: z.number().int().min(1).max(100000),
          })
          .strict()
      )
      .min(1)
      .max(200),
    message: z.string().max(2000).nullish(),
    // Optional: defaults to the store's default region, else the first one.
    region_id: z.string().min(1).optional(),
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
