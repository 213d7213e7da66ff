import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  assertQuoteTransition,
  isQuoteOfferExpired,
} from "../../../modules/quote/utils/transitions"
import type { QuoteRequestDTO } from "../../../modules/quote/types"

export type CheckQuoteAcceptableStepInput = {
  quote: QuoteRequestDTO
  /** The sales channels of the caller's publishable key. */
  sales_channel_ids: string[]
}

/**
 * `{ expired: true }` for a quoted offer past its expiry, which the workflow
 * then marks expired (a lasting write, so not a thrown error); throws a 400
 * for any other state that can't be accepted.
 */
export const checkQuoteAcceptableStepId = "role-sync-check-quote-acceptable"

export const checkQuoteAcceptableStep = createStep(
  checkQuoteAcceptableStepId,
  async ({ quote, sales_channel_ids }: CheckQuoteAcceptableStepInput) => {
    if (isQuoteOfferExpired(quote)) {
      return new StepResponse({ expired: true })
    }
    assertQuoteTransition(quote, "accept")
    if (!sales_channel_ids.includes(quote.sales_channel_id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Quote ${quote.id} was requested in another sales channel; accept it from the storefront it was requested in.`
      )
    }
    // Never let a missing price become a free line.
    if ((quote.items ?? []).some((item) => item.quoted_unit_price == null)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Quote ${quote.id} has unpriced lines; ask the store to price it again.`
      )
    }
    return new StepResponse({ expired: false })
  }
)
