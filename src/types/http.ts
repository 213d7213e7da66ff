import type { AdminCustomerMeta, StoreCustomerMeta } from "./customer-meta"
import type { QuoteRejecter, QuoteStatus } from "./quote"
import type { RoleSyncErrorCode } from "./errors"
import type { StoreSyncRoleCompanies } from "./company"
import type { AdminTaxIdCheck } from "./tax-id"

/** Error body of the plugin's routes (Medusa's shape plus `code`). */
export type RoleSyncErrorResponse = {
  type: string
  code?: RoleSyncErrorCode | string
  message: string
  [detail: string]: unknown
}

export type PaginatedResponse = {
  count: number
  limit: number
  offset: number
}

export type SyncedCustomer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
}

/**
 * `POST /store/customers/sync-role` (body `{ organization_id?: "org_…" }`
 * chooses the active company among the user's memberships).
 */
export type StoreSyncRoleResponse = StoreSyncRoleCompanies & {
  customer_meta: StoreCustomerMeta
  customer: SyncedCustomer
  /** The caller's token has no customer yet: refresh it. */
  created: boolean
}

/** `GET /store/customers/sync-role/:id` */
export type StoreCustomerMetaResponse = {
  customer_meta: StoreCustomerMeta
}

/** A quote line over HTTP; prices in the quote currency's major unit. */
export type QuoteItem = {
  id: string
  variant_id: string
  quantity: number
  quoted_unit_price: number | null
  title: string
  sku: string | null
}

/**
 * A quote over HTTP (store and admin) with the default fields; `?fields=`
 * narrows or widens it as on Medusa's own routes. Dates are ISO strings.
 */
export type Quote = {
  id: string
  /** A short number for people ("#12"), from a sequence; `id` stays the key. */
  display_id: number
  status: QuoteStatus
  /** The customer who asked for it. */
  customer_id: string
  /** The company it belongs to (every member sees it); null for a sole trader's quote. */
  company_id: string | null
  message: string | null
  admin_note: string | null
  expires_at: string | null
  region_id: string
  currency_code: string
  sales_channel_id: string
  cart_id: string | null
  rejected_by: QuoteRejecter | null
  items: QuoteItem[]
  created_at: string
  updated_at: string
}

/**
 * The quote's customer as `GET /admin/quotes` answers it by default: Query
 * reads it through the quote → customer → customer_meta links, so the
 * declared company and its verification sit in `customer_meta` (null for a
 * customer who never synced a role).
 */
export type AdminQuoteCustomer = SyncedCustomer & {
  customer_meta: (Pick<AdminCustomerMeta, "company_name" | "is_verified"> & {
    customer_id: string
  }) | null
}

export type AdminQuoteCompany = { id: string; name: string; is_verified: boolean }

export type AdminQuote = Quote & {
  customer: AdminQuoteCustomer | null
  /** The company the quote belongs to; null for a sole trader's quote. */
  company: AdminQuoteCompany | null
}

export type StoreQuoteResponse = { quote: Quote }
export type StoreQuoteListResponse = PaginatedResponse & { quotes: Quote[] }
export type StoreAcceptQuoteResponse = { quote: Quote; cart: Record<string, unknown> }

export type AdminQuoteResponse = { quote: AdminQuote }
export type AdminQuoteListResponse = PaginatedResponse & { quotes: AdminQuote[] }

export type AdminBusinessCustomer = AdminCustomerMeta & {
  customer: SyncedCustomer | null
  /** The current VIES check with its evidence; null when none was made. */
  tax_id_check: AdminTaxIdCheck | null
}

/** `GET /admin/customers/business` */
export type AdminBusinessCustomerListResponse = PaginatedResponse & {
  business_customers: AdminBusinessCustomer[]
}

/** `POST /admin/customers/verify` */
export type AdminCustomerMetaResponse = { customer_meta: AdminCustomerMeta }

/** `POST /admin/customers/verify` body. */
export type AdminVerifyBusinessCustomerBody = {
  customer_id: string
  /** Default true; false unverifies. */
  verified?: boolean
  /**
   * The `updated_at` (ISO 8601) of the `customer_meta` the admin reviewed.
   * The admin UI always sends it.
   */
  expected_updated_at?: string
}

/**
 * `409` of `POST /admin/customers/verify`: the row changed since
 * `expected_updated_at`; nothing was written. `customer_meta` is the row as
 * it is now: show it and ask again.
 */
export type AdminVerifyConflictResponse = RoleSyncErrorResponse & {
  code: "version_conflict"
  customer_meta: AdminCustomerMeta
}

/** `400` of the plugin's request validation: every problem, each naming its field. */
export type InvalidInputResponse = {
  type: "invalid_data"
  message: string
  fields: { field: string; message: string }[]
}

/**
 * `409` of Medusa's `POST /store/carts/:id/complete` when a price that
 * depended on the buyer's entitlement no longer applies: the cart was
 * re-priced (amounts in the cart currency's major unit); complete again.
 */
export type PricesChangedResponse = RoleSyncErrorResponse & {
  code: "prices_changed"
  cart_id: string
  changed_items: {
    id: string
    variant_id: string | null
    previous_unit_price: number
    unit_price: number
  }[]
}

/**
 * `GET /admin/customers/:id/tax-id`; also `202` of
 * `POST /admin/customers/:id/tax-id/check` ("check again").
 */
export type AdminCustomerTaxIdResponse = {
  customer_meta: AdminCustomerMeta
  /** The current check (the one `customer_meta.tax_id_status` follows). */
  tax_id_check: AdminTaxIdCheck | null
  /** This customer's checks, newest first (at most 20). */
  tax_id_checks: AdminTaxIdCheck[]
}
