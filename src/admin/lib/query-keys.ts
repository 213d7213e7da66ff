import type { BusinessCustomerListParams, QuoteListParams } from "./types"

/**
 * Query keys of the plugin's admin views, all under one prefix so that they
 * never collide with the dashboard's own keys ("customers", "orders", ...).
 */
const ROOT = "role-sync" as const

export const roleSyncQueryKeys = {
  all: [ROOT] as const,
  customerMeta: (customerId: string) => [ROOT, "customer-meta", customerId] as const,
  businessCustomerLists: () => [ROOT, "business-customers"] as const,
  businessCustomerList: (params: BusinessCustomerListParams) =>
    [ROOT, "business-customers", params] as const,
  adminUser: (userId: string) => [ROOT, "admin-user", userId] as const,
  quoteLists: () => [ROOT, "quotes", "list"] as const,
  quoteList: (params: QuoteListParams) => [ROOT, "quotes", "list", params] as const,
  quote: (quoteId: string) => [ROOT, "quotes", "detail", quoteId] as const,
}

/**
 * The dashboard's own query keys that a verification change makes stale:
 * the customer page (its groups section) and customer group pages, because
 * verified businesses join the "Verified businesses" group.
 */
export const dashboardCustomerQueryKeys = [["customers"], ["customer_groups"]] as const
