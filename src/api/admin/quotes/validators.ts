import { z } from "@medusajs/framework/zod"
import { QuoteStatusFilter } from "../../store/quotes/validators"

export const AdminGetQuotesParams = z.object({
  status: QuoteStatusFilter.optional(),
  customer_id: z
    .preprocess(
      (value) => (value === undefined ? value : [value].flat()),
      z.array(z.string().min(1))
    )
    .optional(),
  company_id: z
    .preprocess(
      (value) => (value === undefined ? value : [value].flat()),
      z.array(z.string().min(1))
    )
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export type AdminGetQuotesParamsType = z.infer<typeof AdminGetQuotesParams>

export const AdminRespondToQuote = z
  .object({
    // One entry per quote line; the workflow checks every line is priced.
    items: z
      .array(
        z
          .object({
            id: z.string().min(1),
            unit_price: z.number().min(0),
          })
          .strict()
      )
      .min(1)
      .max(200),
    note: z.string().max(2000).nullish(),
    expires_at: z.iso
      .datetime({ offset: true })
      .refine((value) => new Date(value).getTime() > Date.now(), {
        message: "expires_at must be in the future",
      }),
  })
  .strict()

export type AdminRespondToQuoteType = z.infer<typeof AdminRespondToQuote>

export const AdminRejectQuote = z
  .object({
    note: z.string().max(2000).nullish(),
  })
  .strict()

export type AdminRejectQuoteType = z.infer<typeof AdminRejectQuote>
