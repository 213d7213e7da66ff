import type { AccountType } from "./account"

/**
 * A customer's role as the `roleSyncCustomerMeta` module stores it. Dates are
 * `Date` inside the server and ISO strings over HTTP.
 */
export type CustomerMetaDTO = {
  id: string
  customer_id: string
  clerk_user_id: string
  account_type: AccountType
  /** Required for a business (1–255 characters), null for an individual. */
  company_name: string | null
  tax_id: string | null
  is_verified: boolean
  verified_at: Date | string | null
  /** The admin user id (or `"vies"` for an automatic verification). */
  verified_by: string | null
  /** Clerk's `updated_at` of the user data last applied (webhook ordering). */
  clerk_updated_at?: Date | string | null
  created_at: Date | string
  updated_at: Date | string
  deleted_at?: Date | string | null
}

/** The fields of a role the customer may see of their own. */
export const STORE_CUSTOMER_META_FIELDS = [
  "id",
  "customer_id",
  "account_type",
  "company_name",
  "tax_id",
  "is_verified",
  "verified_at",
  "created_at",
  "updated_at",
] as const

/** Admins also see who verified and the Clerk user id. */
export const ADMIN_CUSTOMER_META_FIELDS = [
  ...STORE_CUSTOMER_META_FIELDS,
  "clerk_user_id",
  "verified_by",
] as const

export type StoreCustomerMeta = Pick<
  CustomerMetaDTO,
  (typeof STORE_CUSTOMER_META_FIELDS)[number]
>

export type AdminCustomerMeta = Pick<
  CustomerMetaDTO,
  (typeof ADMIN_CUSTOMER_META_FIELDS)[number]
>
