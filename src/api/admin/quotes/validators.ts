import type { AdditionalData } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import {
  createSelectParams,
  WithAdditionalData,
} from "@medusajs/medusa/api/utils/validators"
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
        z.array(z.string().min(1))
      )
      .optional(),
  })
  .strict()

export type AdminGetQuotesParamsType = z.infer<typeof AdminGetQuotesParams>

// Bodies take `additional_data` for a host's workflow hooks (see the store
// quote validators).

const RespondToQuote = z
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

export const AdminRespondToQuote = WithAdditionalData(RespondToQuote)
export type AdminRespondToQuoteType = z.infer<typeof RespondToQuote> & AdditionalData

const RejectQuote = z
  .object({
    note: z.string().max(2000).nullish(),
  })
  .strict()

export const AdminRejectQuote = WithAdditionalData(RejectQuote)
export type AdminRejectQuoteType = z.infer<typeof RejectQuote> & AdditionalData
