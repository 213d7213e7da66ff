/** Shapes of the plugin's admin API (see DESIGN.md §4), as the admin reads them. */

export type AccountType = "individual" | "business"

export type CustomerMeta = {
  id: string
  customer_id: string
  clerk_user_id: string
  account_type: AccountType
  company_name: string | null
  tax_id: string | null
  is_verified: boolean
  verified_at: string | null
  /** The admin user id that verified the customer. */
  verified_by: string | null
  created_at: string
  updated_at: string
}

export type CustomerSummary = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
}

export type CustomerWithMetaResponse = {
  customer: CustomerSummary & { customer_meta?: CustomerMeta | null }
}

export type VerifyBusinessCustomerResponse = { customer_meta: CustomerMeta }

export type BusinessCustomer = CustomerMeta & { customer: CustomerSummary | null }

export type VerifiedFilter = "all" | "verified" | "unverified"

export type BusinessCustomerListParams = {
  q?: string
  verified?: VerifiedFilter
  limit: number
  offset: number
}

export type BusinessCustomerListResponse = {
  business_customers: BusinessCustomer[]
  count: number
  limit: number
  offset: number
}

export type AdminUserSummary = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
}

export const QUOTE_STATUSES = [
  "requested",
  "quoted",
  "accepted",
  "rejected",
  "expired",
] as const

export type QuoteStatus = (typeof QUOTE_STATUSES)[number]

export type QuoteItem = {
  id: string
  variant_id: string
  quantity: number
  /** Major units of the quote's currency; null until priced. BigNumber fields may arrive as strings. */
  quoted_unit_price: number | string | null
  title: string
  sku: string | null
}

/** The quote's customer, with its declared company and verification when the customer has a role. */
export type QuoteCustomer = CustomerSummary & {
  customer_meta?: { company_name: string | null; is_verified: boolean } | null
}

export type Quote = {
  id: string
  status: QuoteStatus
  customer_id: string
  customer?: QuoteCustomer | null
  message: string | null
  admin_note: string | null
  expires_at: string | null
  cart_id: string | null
  rejected_by?: "customer" | "admin" | null
  currency_code: string
  items: QuoteItem[]
  created_at: string
  updated_at?: string
}

export type QuoteListParams = {
  status?: QuoteStatus
  customer_id?: string
  limit: number
  offset: number
}

export type QuoteListResponse = {
  quotes: Quote[]
  count: number
  limit: number
  offset: number
}

export type QuoteResponse = { quote: Quote }

export type RespondToQuoteBody = {
  items: { id: string; unit_price: number }[]
  note?: string
  /** ISO date-time, in the future. */
  expires_at: string
}

export type RejectQuoteBody = { note?: string }
