import type { SyncedCustomer } from "../../types"

/** The fields of an admin user the plugin shows (core `GET /admin/users/:id`). */
type AdminUserSummary = { id: string; email: string; first_name?: string | null; last_name?: string | null }

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
})

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" })

/** "Nov 25, 2026, 9:40 PM" in the browser's locale; "-" for nothing. */
export const formatDateTime = (value: string | Date | null | undefined): string => {
  if (!value) {
    return "-"
  }
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? "-" : dateTimeFormat.format(date)
}

export const formatDate = (value: string | Date | null | undefined): string => {
  if (!value) {
    return "-"
  }
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? "-" : dateFormat.format(date)
}

const numberFormat = new Intl.NumberFormat()

/** 100000 -> "100,000" in the browser's locale. */
export const formatNumber = (value: number): string => numberFormat.format(value)

/** An amount in major units, e.g. "€24.90"; "-" when not priced yet. */
export const formatAmount = (
  amount: number | string | null | undefined,
  currencyCode: string
): string => {
  if (amount === null || amount === undefined || amount === "") {
    return "-"
  }
  const value = typeof amount === "string" ? Number(amount) : amount
  if (!Number.isFinite(value)) {
    return "-"
  }
  try {
    return new Intl.NumberFormat(undefined, {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    }).format(value)
  } catch {
    return `${value.toFixed(2)} ${currencyCode.toUpperCase()}`
  }
}

/** The symbol the browser's locale uses for a currency, e.g. "€" for eur. */
export const currencySymbol = (currencyCode: string): string => {
  try {
    const part = new Intl.NumberFormat(undefined, {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    })
      .formatToParts(0)
      .find((p) => p.type === "currency")
    return part?.value ?? currencyCode.toUpperCase()
  } catch {
    return currencyCode.toUpperCase()
  }
}

const fullName = (first?: string | null, last?: string | null) =>
  [first, last].filter((part) => !!part && part.trim()).join(" ")

/** "Jane Doe", else the email, else the id. */
export const customerDisplayName = (customer: SyncedCustomer | null | undefined): string => {
  if (!customer) {
    return "-"
  }
  return fullName(customer.first_name, customer.last_name) || customer.email || customer.id
}

/** "Jane Doe (jane@shop.test)", else the email, else the id. */
export const adminUserDisplayName = (user: AdminUserSummary): string => {
  const name = fullName(user.first_name, user.last_name)
  return name ? `${name} (${user.email})` : user.email || user.id
}

/** How many decimals a currency uses (2 for EUR, 0 for JPY). */
export const currencyDecimals = (currencyCode: string): number => {
  try {
    return (
      new Intl.NumberFormat(undefined, {
        style: "currency",
        currency: currencyCode.toUpperCase(),
      }).resolvedOptions().maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/** "#12": how people refer to a quote (its display_id), like orders. */
export const quoteNumber = (quote: { display_id?: number | null }): string =>
  quote.display_id ? `#${quote.display_id}` : "Quote"

/** VIES's fault codes as a person reads them (the code stays visible next to it). */
const VIES_FAULTS: Record<string, string> = {
  MS_UNAVAILABLE: "the member state's register did not answer",
  MS_MAX_CONCURRENT_REQ: "the member state's register was busy",
  MS_MAX_CONCURRENT_REQ_TIME: "the member state's register was busy",
  GLOBAL_MAX_CONCURRENT_REQ: "VIES was busy",
  GLOBAL_MAX_CONCURRENT_REQ_TIME: "VIES was busy",
  SERVICE_UNAVAILABLE: "VIES was unavailable",
  TIMEOUT: "VIES timed out",
  REQUEST_TIMEOUT: "VIES did not answer in time",
  NETWORK_ERROR: "VIES could not be reached",
}

/** "the member state's register did not answer (MS_UNAVAILABLE)". */
export const viesFaultText = (code: string | null | undefined): string =>
  code ? `${VIES_FAULTS[code] ?? "VIES gave no answer"} (${code})` : "VIES gave no answer yet"

/** The quote's total in its currency once every line is priced ("€6,323.00"), else null. */
export const quoteTotal = (quote: {
  currency_code: string
  items?: { quantity: number; quoted_unit_price: number | string | null }[] | null
}): string | null => {
  const items = quote.items ?? []
  if (!items.length || items.some((item) => item.quoted_unit_price === null)) {
    return null
  }
  return formatAmount(
    items.reduce((sum, item) => sum + Number(item.quoted_unit_price) * item.quantity, 0),
    quote.currency_code
  )
}
