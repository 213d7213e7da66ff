import { z } from "@medusajs/framework/zod"
import { MAX_QUOTE_UNIT_PRICE } from "../../../utils/money"
import { idSchema, textSchema } from "../../../utils/text-schema"
import {
  QUOTE_MAX_LINES,
  QUOTE_MESSAGE_MAX_LENGTH,
} from "../../../workflows/quote/utils/quote-limits"
import { QuoteStatusFilter } from "../../store/quotes/validators"

export const AdminGetQuotesParams = z.object({
  status: QuoteStatusFilter.optional(),
  customer_id: z
    .preprocess(
      (value) => (value === undefined ? value : [value].flat()),
      z.array(idSchema())
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

const adminNote = textSchema({ max: QUOTE_MESSAGE_MAX_LENGTH, multiline: true })

export const AdminRespondToQuote = z
  .object({
    // One entry per quote line; the workflow checks every line is priced
    // and that no price has more decimals than the quote's currency.
    items: z
      .array(
        z
          .object({
            id: idSchema(),
            // Major units of the quote's currency (JSON can't carry NaN or
            // Infinity; `1e308` stops at the maximum).
            unit_price: z.number().min(0).max(MAX_QUOTE_UNIT_PRICE),
          })
          .strict()
      )
      .min(1)
      .max(QUOTE_MAX_LINES),
    note: adminNote.nullish(),
    expires_at: z.iso
      .datetime({ offset: true })
      .refine((value) => new Date(value).getTime() > Date.now(), {
        message: "must be in the future",
        params: { phrase: true },
      }),
  })
  .strict()

export type AdminRespondToQuoteType = z.infer<typeof AdminRespondToQuote>

export const AdminRejectQuote = z
  .object({
    note: adminNote.nullish(),
  })
  .strict()

export type AdminRejectQuoteType = z.infer<typeof AdminRejectQuote>
