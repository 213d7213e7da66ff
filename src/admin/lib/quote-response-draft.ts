import type { AdminQuote } from "../../types"
import type { AdminRespondToQuoteBody } from "../hooks/api/quotes"
import { currencyDecimals } from "./format"

/** What the admin is typing on a quote before sending it: prices as typed, a note, an expiry day. */
export type QuoteResponseDraft = {
  /** Unit price per quote line id, as typed (major units). */
  unitPrices: Record<string, string>
  note: string
  /** The last day the offer is valid (local midnight, as the date picker gives it). */
  expiresOn: Date | null
}

export type QuoteResponseErrors = {
  unitPrices: Record<string, string>
  expiresOn?: string
}

export const DEFAULT_VALIDITY_DAYS = 14

const startOfToday = () => {
  const now = new Date()
  return new Date(now.getFullYear(), now.getMonth(), now.getDate())
}

export const addDays = (date: Date, days: number) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate() + days)

/** The offer runs until the end of the chosen day, in the admin's time zone. */
export const endOfDay = (day: Date) =>
  new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59, 999)

export const today = startOfToday

/** Start from what the quote already says (re-pricing), else empty prices and a 14-day validity. */
export const initialQuoteResponseDraft = (quote: AdminQuote): QuoteResponseDraft => ({
  unitPrices: Object.fromEntries(
    (quote.items ?? []).map((item) => [
      item.id,
      item.quoted_unit_price === null || item.quoted_unit_price === undefined
        ? ""
        : Number(item.quoted_unit_price).toFixed(currencyDecimals(quote.currency_code)),
    ])
  ),
  note: quote.admin_note ?? "",
  expiresOn: quote.expires_at
    ? (() => {
        const at = new Date(quote.expires_at)
        return new Date(at.getFullYear(), at.getMonth(), at.getDate())
      })()
    : addDays(startOfToday(), DEFAULT_VALIDITY_DAYS),
})

export const parseUnitPrice = (typed: string | undefined): number | undefined => {
  if (typed === undefined || typed.trim() === "") {
    return undefined
  }
  const value = Number(typed)
  return Number.isFinite(value) ? value : undefined
}

/** Every line priced (≥ 0) and an expiry that is still ahead; else what to fix, per field. */
export const validateQuoteResponseDraft = (
  quote: AdminQuote,
  draft: QuoteResponseDraft,
  now = new Date()
): { body?: AdminRespondToQuoteBody; errors: QuoteResponseErrors } => {
  const errors: QuoteResponseErrors = { unitPrices: {} }
  const items: AdminRespondToQuoteBody["items"] = []

  for (const item of quote.items ?? []) {
    const price = parseUnitPrice(draft.unitPrices[item.id])
    if (price === undefined) {
      errors.unitPrices[item.id] = "Enter a unit price."
    } else if (price < 0) {
      errors.unitPrices[item.id] = "The price cannot be negative."
    } else {
      items.push({ id: item.id, unit_price: price })
    }
  }

  let expiresAt: Date | undefined
  if (!draft.expiresOn) {
    errors.expiresOn = "Choose until when the offer is valid."
  } else {
    expiresAt = endOfDay(draft.expiresOn)
    if (expiresAt.getTime() <= now.getTime()) {
      errors.expiresOn = "The offer must be valid until a future date."
    }
  }

  const valid = !Object.keys(errors.unitPrices).length && !errors.expiresOn && expiresAt
  if (!valid) {
    return { errors }
  }
  const note = draft.note.trim()
  return {
    errors,
    body: {
      items,
      expires_at: expiresAt!.toISOString(),
      ...(note ? { note } : {}),
    },
  }
}
