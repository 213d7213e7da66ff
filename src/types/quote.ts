/**
 * The quote lifecycle (see src/modules/quote/utils/transitions.ts):
 * requested → quoted → accepted | rejected | expired.
 */
export const QUOTE_STATUSES = [
  "requested",
  "quoted",
  "accepted",
  "rejected",
  "expired",
] as const

export type QuoteStatus = (typeof QUOTE_STATUSES)[number]

export const QUOTE_REJECTERS = ["customer", "admin"] as const

export type QuoteRejecter = (typeof QUOTE_REJECTERS)[number]

export type QuoteRequestItemDTO = {
  id: string
  quote_request_id: string
  variant_id: string
  quantity: number
  /** Major units of the quote's currency; null until an admin prices it. */
  quoted_unit_price: number | null
  title: string
  sku: string | null
  created_at: Date | string
  updated_at: Date | string
}

export type QuoteRequestDTO = {
  id: string
  /** Sequential number shown to people ("#12"). */
  display_id: number
  customer_id: string
  /** The company the quote belongs to; null for a sole trader's quote. */
  company_id: string | null
  status: QuoteStatus
  message: string | null
  admin_note: string | null
  expires_at: Date | string | null
  region_id: string
  currency_code: string
  sales_channel_id: string
  cart_id: string | null
  rejected_by: QuoteRejecter | null
  items?: QuoteRequestItemDTO[]
  created_at: Date | string
  updated_at: Date | string
}

/** A line as the quote module writes it (created with its request, in one flush). */
export type QuoteRequestItemInput = Partial<
  Omit<QuoteRequestItemDTO, "created_at" | "updated_at">
>

/** A quote as the quote module writes it; every field is optional on update. */
export type QuoteRequestInput = Omit<
  QuoteRequestDTO,
  "id" | "display_id" | "items" | "created_at" | "updated_at"
> & { id?: string; items?: QuoteRequestItemInput[] }
