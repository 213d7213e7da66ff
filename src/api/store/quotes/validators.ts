import type { AdditionalData } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import {
  createOperatorMap,
  createSelectParams,
  WithAdditionalData,
} from "@medusajs/medusa/api/utils/validators"
import { QUOTE_STATUSES } from "../../../modules/quote/types"
import { idSchema, textSchema } from "../../../utils/text-schema"
import {
  QUOTE_MAX_LINES,
  QUOTE_MAX_QUANTITY,
  QUOTE_MESSAGE_MAX_LENGTH,
} from "../../../workflows/quote/utils/quote-limits"
import { createRoleSyncFindParams } from "../../utils/find-params"
import { QUOTE_SCALAR_FIELDS } from "../../utils/quote-fields"

// Bodies take `additional_data` for a host's workflow hooks, the way core's
// routes do (WithAdditionalData); a host may validate it per route with
// `additionalDataValidator` in its own middlewares.

const CreateQuoteRequest = z
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

export const StoreCreateQuoteRequest = WithAdditionalData(CreateQuoteRequest)
export type StoreCreateQuoteRequestType = z.infer<typeof CreateQuoteRequest> &
  AdditionalData

/** Body of accept and reject: only data for a host's hooks. */
export const StoreQuoteAction = WithAdditionalData(z.object({}).strict())
export type StoreQuoteActionType = AdditionalData

/** `?status=quoted` or `?status[]=quoted&status[]=accepted`, as an array. */
export const QuoteStatusFilter = z.preprocess(
  (value) => (value === undefined ? value : [value].flat()),
  z.array(z.enum(QUOTE_STATUSES))
)

/** Filters every quote list offers (store and admin). */
export const QuoteListFilters = {
  status: QuoteStatusFilter.optional(),
  created_at: createOperatorMap().optional(),
  updated_at: createOperatorMap().optional(),
  expires_at: createOperatorMap().optional(),
}

/** `?fields=` on a single quote (GET and the POST routes answering one). */
export const StoreGetQuoteParams = createSelectParams().strict()

export const StoreGetQuotesParams = createRoleSyncFindParams({ orderable: QUOTE_SCALAR_FIELDS })
  .extend(QuoteListFilters)
  .strict()

export type StoreGetQuotesParamsType = z.infer<typeof StoreGetQuotesParams>
