/** A quote's own columns, as Query reads them (`quote_request` entity). */
export const QUOTE_SCALAR_FIELDS = [
  "id",
  "display_id",
  "status",
  "customer_id",
  // The company the quote belongs to (DESIGN §10); null for a sole trader's.
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
]

/** A quote line's columns; `quoted_unit_price` is in the quote currency's major unit. */
export const QUOTE_ITEM_SCALAR_FIELDS = [
  "id",
  "variant_id",
  "quantity",
  "quoted_unit_price",
  "title",
  "sku",
  "created_at",
  "updated_at",
]

/** What the store and admin quote routes answer by default: the quote and its lines. */
export const DEFAULT_QUOTE_FIELDS = [
  ...QUOTE_SCALAR_FIELDS,
  ...["id", "variant_id", "quantity", "quoted_unit_price", "title", "sku"].map(
    (field) => `items.${field}`
  ),
]

/** Fields a caller may ask for on every quote route (store and admin). */
export const QUOTE_ALLOWED_FIELDS = [
  ...QUOTE_SCALAR_FIELDS,
  "items",
  ...QUOTE_ITEM_SCALAR_FIELDS.map((field) => `items.${field}`),
]

/**
 * The order of a quote read: `order` for the quotes themselves (lists), and
 * a quote's lines always in the order they were requested, so two reads of
 * one quote list its lines alike.
 */
export function quoteOrder(
  fields: string[],
  order?: Record<string, unknown>
): Record<string, unknown> | undefined {
  if (!fields.some((field) => field.startsWith("items."))) {
    return order
  }
  return { ...(order ?? {}), items: { created_at: "ASC", id: "ASC" } }
}
