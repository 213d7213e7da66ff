import { acquireLockStep } from "@medusajs/medusa/core-flows"
import { transform } from "@medusajs/framework/workflows-sdk"
import { loadQuoteRequestStep } from "../steps/load-quote-request"

/** One lock per quote: respond, accept and reject never interleave. */
export const quoteLockKey = (quoteId: string) => `role-sync:quote:${quoteId}`

/**
 * The start of every quote transition, in a workflow's composition: takes
 * the quote's lock (waits up to 10 s, holds at most `ttl` seconds), then
 * reads the quote with its lines inside it, so its status is fresh. With
 * `customer_id` (and `company_id` for a company member), a quote outside
 * the caller's scope is a 404. Returns the lock key for
 * releaseLockStep (a failing workflow releases it through acquireLockStep's
 * compensation) and the quote.
 */
export function lockAndLoadQuote(
  input: { quote_id: string; customer_id?: string; company_id?: string | null },
  ttl = 30
) {
  const lockKey = transform({ input }, ({ input }) => quoteLockKey(input.quote_id))
  acquireLockStep({ key: lockKey, timeout: 10, ttl, retryInterval: 0.05 })
  const quote = loadQuoteRequestStep(input)
  return { lockKey, quote }
}
