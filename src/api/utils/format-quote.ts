import type { QuoteRequestItemDTO } from "../../types/quote"

/** The quote's own columns as Query reads them (`quote_request` entity). */
export const QUOTE_FIELDS = [
  "id",
  "status",
  "customer_id",
  "company_id",
  "message",
  "admin_note",
  "expires_at",
  "region_id",
  "currency_code",
  "sales_channel_id",
  "cart_id",
  "rejected_by",
  "created_at",
  "updated_at",
  "items.id",
  "items.variant_id",
  "items.quantity",
  "items.quoted_unit_price",
  "items.title",
  "items.sku",
  "items.created_at",
]

const toNumber = (value: unknown) =>
  value === null || value === undefined ? null : Number(value)

const formatItem = (item: Partial<QuoteRequestItemDTO>) => ({
  id: item.id,
  variant_id: item.variant_id,
  quantity: item.quantity,
  quoted_unit_price: toNumber(item.quoted_unit_price),
  title: item.title,
  sku: item.sku ?? null,
})

/**
 * The HTTP shape of a quote, for store and admin alike: plain numbers for
 * prices, lines in a stable order.
 */
export function formatQuote(quote: Record<string, any>) {
  const items = [...(quote.items ?? [])].sort(
    (a, b) =>
      new Date(a.created_at).getTime() - new Date(b.created_at).getTime() ||
      String(a.id).localeCompare(String(b.id))
  )
  return {
    id: quote.id as string,
    status: quote.status,
    customer_id: quote.customer_id,
    company_id: quote.company_id ?? null,
    message: quote.message ?? null,
    admin_note: quote.admin_note ?? null,
    expires_at: quote.expires_at ?? null,
    region_id: quote.region_id,
    currency_code: quote.currency_code,
    sales_channel_id: quote.sales_channel_id,
    cart_id: quote.cart_id ?? null,
    rejected_by: quote.rejected_by ?? null,
    items: items.map(formatItem),
    created_at: quote.created_at,
    updated_at: quote.updated_at,
  }
}
