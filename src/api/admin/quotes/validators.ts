import type { AdditionalData } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import {
  createSelectParams,
  WithAdditionalData,
} from "@medusajs/medusa/api/utils/validators"
import { MAX_QUOTE_UNIT_PRICE } from "../../../utils/money"
import { idSchema, textSchema } from "../../../utils/text-schema"
import {
  QUOTE_MAX_LINES,
  QUOTE_MESSAGE_MAX_LENGTH,
} from "../../../workflows/quote/utils/quote-limits"
import { QuoteListFilters } from "../../store/quotes/validators"
import { createRoleSyncFindParams } from "../../utils/find-params"
import { QUOTE_SCALAR_FIELDS } from "../../utils/quote-fields"

/** `?fields=` on a single quote (GET and the POST routes answering one). */
export const AdminGetQuoteParams = createSelectParams().strict()

export const AdminGetQuotesParams = createRoleSyncFindParams({ orderable: QUOTE_SCALAR_FIELDS })
  .extend({
    ...QuoteListFilters,
    customer_id: z
      .preprocess(
        (value) => (value === undefined ? value : [value].flat()),
        z.array(idSchema())
      )
      .optional(),
    // The quotes of a company (DESIGN §10).
    company_id: z
      .preprocess(
        (value) => (value === undefined ? value : [value].flat()),
        z.array(idSchema())
      )
      .optional(),
  })
  .strict()

export type AdminGetQuotesParamsType = z.infer<typeof AdminGetQuotesParams>

// Bodies take `additional_data` for a host's workflow hooks (see the store
// quote validators).

const adminNote = textSchema({ max: QUOTE_MESSAGE_MAX_LENGTH, multiline: true })

const RespondToQuote = z
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

export const AdminRespondToQuote = WithAdditionalData(RespondToQuote)
export type AdminRespondToQuoteType = z.infer<typeof RespondToQuote> & AdditionalData

const RejectQuote = z
  .object({
    note: adminNote.nullish(),
  })
  .strict()

export const AdminRejectQuote = WithAdditionalData(RejectQuote)
export type AdminRejectQuoteType = z.infer<typeof RejectQuote> & AdditionalData
