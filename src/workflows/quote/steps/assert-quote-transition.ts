import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  assertQuoteTransition,
  type QuoteAction,
} from "../../../modules/quote/utils/transitions"
import type { QuoteRequestDTO } from "../../../modules/quote/types"

/** Fails with a 400 unless `action` is allowed from the quote's status. */
export const assertQuoteTransitionStepId = "role-sync-assert-quote-transition"

export const assertQuoteTransitionStep = createStep(
  assertQuoteTransitionStepId,
  async (input: { quote: QuoteRequestDTO; action: QuoteAction }) =>
    new StepResponse(assertQuoteTransition(input.quote, input.action))
)
