import { defaultCurrencies } from "@medusajs/framework/utils"

/**
 * The highest unit price an admin may quote, in the quote currency's major
 * unit (100,000,000 EUR, USD, JPY…). Far above any real unit price, far
 * below where totals (price × up to 100,000 units × 200 lines) lose
 * precision or overflow, so a typo like `1e308` is refused instead of
 * making a cart whose total is null.
 */
export const MAX_QUOTE_UNIT_PRICE = 100_000_000

/**
 * How many decimal places `currencyCode` has (EUR 2, JPY 0, KWD 3), from
 * Medusa's own currency table (`defaultCurrencies`, ISO 4217 minor units),
 * else from `Intl` (the runtime's ISO 4217 data), else 2.
 */
export function currencyDecimalDigits(currencyCode: string): number {
  const code = currencyCode.toUpperCase()
  const known = (defaultCurrencies as Record<string, { decimal_digits?: number }>)[code]
  if (typeof known?.decimal_digits === "number") {
    return known.decimal_digits
  }
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/**
 * Why `amount` (major units) can't be a unit price in `currencyCode`, or
 * null when it can: finite, ≥ 0, ≤ MAX_QUOTE_UNIT_PRICE and no more decimal
 * places than the currency has (`0.0001` EUR would be stored as 0 and make
 * a free line). The phrase follows the field's name.
 */
export function unitPriceProblem(amount: number, currencyCode: string): string | null {
  if (typeof amount !== "number" || !Number.isFinite(amount)) {
    return "must be a finite number"
  }
  if (amount < 0) {
    return "must not be negative"
  }
  if (amount > MAX_QUOTE_UNIT_PRICE) {
    return `must be at most ${MAX_QUOTE_UNIT_PRICE}`
  }
  const digits = currencyDecimalDigits(currencyCode)
  if (Number(amount.toFixed(digits)) !== amount) {
    return `has more decimal places than ${currencyCode.toUpperCase()} allows (${digits})`
  }
  return null
}
