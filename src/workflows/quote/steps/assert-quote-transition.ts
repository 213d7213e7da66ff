import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  assertQuoteTransition,
  type QuoteAction,
} from "../../../modules/quote/utils/transitions"
import type { QuoteRequestDTO } from "../../../modules/quote/types"

/** Fails with a 400 unless `action` is allowed from the quote's status. */
export const assertQuoteTransitionStep = createStep(
  "role-sync-assert-quote-transition",
  async (input: { quote: QuoteRequestDTO; action: QuoteAction }) =>
    new StepResponse(assertQuoteTransition(input.quote, input.action))
)
