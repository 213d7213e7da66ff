import { MedusaError } from "@medusajs/framework/utils"
import type { QuoteStatus } from "../types"

/**
 * The quote lifecycle, in one place:
 *
 *   requested ──respond──▶ quoted ──accept──▶ accepted
 *       │                  │  ▲ └──expire──▶ expired
 *       │                  └──┘ respond again (re-price)
 *       └──────reject──────┴──▶ rejected
 *
 * accepted, rejected and expired are final.
 */
export const QUOTE_TRANSITIONS = {
  respond: { from: ["requested", "quoted"], to: "quoted", verb: "priced" },
  accept: { from: ["quoted"], to: "accepted", verb: "accepted" },
  reject: { from: ["requested", "quoted"], to: "rejected", verb: "rejected" },
  expire: { from: ["quoted"], to: "expired", verb: "expired" },
} as const satisfies Record<
  string,
  { from: readonly QuoteStatus[]; to: QuoteStatus; verb: string }
>

export type QuoteAction = keyof typeof QUOTE_TRANSITIONS

type QuoteState = {
  id: string
  status: QuoteStatus
  expires_at?: Date | string | null
}

/** A quoted offer whose validity has run out (its status may lag behind). */
export function isQuoteOfferExpired(quote: QuoteState, now = new Date()) {
  return (
    quote.status === "quoted" &&
    !!quote.expires_at &&
    new Date(quote.expires_at).getTime() <= now.getTime()
  )
}

export function canTransitionQuote(quote: QuoteState, action: QuoteAction) {
  return (QUOTE_TRANSITIONS[action].from as readonly QuoteStatus[]).includes(
    quote.status
  )
}

/**
 * Returns the status `action` leads to, or throws a 400 (NOT_ALLOWED) that
 * says why. Accepting also needs the offer to be still valid.
 */
export function assertQuoteTransition(
  quote: QuoteState,
  action: QuoteAction,
  now = new Date()
): QuoteStatus {
  const rule = QUOTE_TRANSITIONS[action]
  if (!canTransitionQuote(quote, action)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Quote ${quote.id} is ${quote.status} and cannot be ${rule.verb}; only a ${rule.from.join(" or ")} quote can be.`
    )
  }
  if (action === "accept" && isQuoteOfferExpired(quote, now)) {
    throw quoteExpiredError(quote)
  }
  return rule.to
}

export const quoteExpiredError = (quote: QuoteState) =>
  new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `Quote ${quote.id} expired on ${new Date(quote.expires_at as string).toISOString()} and can no longer be accepted; request a new quote.`
  )
