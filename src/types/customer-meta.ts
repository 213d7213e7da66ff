import type { AccountType } from "./account"
import type { CompanyRole } from "./company"
import type { TaxIdStatus } from "./tax-id"

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
  /** Canonical (DESIGN §11.1): compact, upper case, EU VAT with its prefix. */
  tax_id: string | null
  /** ISO 3166-1 alpha-2 of the tax ID's country, when known (GR for EL…, GB for XI…). */
  tax_id_country: string | null
  /** Null exactly when `tax_id` is null. */
  tax_id_status: TaxIdStatus | null
  /** When VIES last answered valid/invalid for `tax_id`. */
  tax_id_checked_at: Date | string | null
  /** The current VIES check (module `roleSyncTaxIdCheck`). */
  tax_id_check_id: string | null
  /** VIES said invalid while the business was verified: for the admin to decide. */
  tax_id_flagged_at: Date | string | null
  is_verified: boolean
  verified_at: Date | string | null
  /** The admin user id (or `"vies"` for an automatic verification). */
  verified_by: string | null
  /** Clerk's `updated_at` of the user data last applied (webhook ordering). */
  clerk_updated_at?: Date | string | null
  /**
   * The company the customer buys for (DESIGN §10), copied from the
   * `roleSyncCompany` module so a guard reads one row: its id, name, the
   * customer's role in it and its verification. Null for sole traders and
   * individuals. While set, the customer is a business whatever
   * `account_type` (what the user declared) says, and the company's
   * verification replaces `is_verified` (see `effectiveCustomerRole`).
   */
  active_company_id?: string | null
  active_company_name?: string | null
  active_company_role?: CompanyRole | null
  active_company_verified?: boolean

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
  "tax_id_country",
  "tax_id_status",
  "is_verified",
  "verified_at",
  "active_company_id",
  "active_company_name",
  "active_company_role",
  "active_company_verified",
  "created_at",
  "updated_at",
] as const

/** Admins also see who verified, the Clerk user id and the VIES check state. */
export const ADMIN_CUSTOMER_META_FIELDS = [
  ...STORE_CUSTOMER_META_FIELDS,
  "clerk_user_id",
  "verified_by",
  "tax_id_checked_at",
  "tax_id_check_id",
  "tax_id_flagged_at",
] as const

export type StoreCustomerMeta = Pick<
  CustomerMetaDTO,
  (typeof STORE_CUSTOMER_META_FIELDS)[number]
>

export type AdminCustomerMeta = Pick<
  CustomerMetaDTO,
  (typeof ADMIN_CUSTOMER_META_FIELDS)[number]
>

/** A role as guards and helpers see it: the company decides for its members. */
export type EffectiveCustomerRole = {
  account_type: AccountType
  is_verified: boolean
  company_name: string | null
  company: { id: string; name: string | null; role: CompanyRole; is_verified: boolean } | null
}

/**
 * DESIGN §10 rules 2 and 4: a member of a company is a business, verified
 * when its company is; anyone else keeps their own declaration and
 * customer-level verification (sole traders, individuals).
 */
export function effectiveCustomerRole(
  meta: Pick<CustomerMetaDTO, "account_type" | "is_verified" | "company_name"> &
    Partial<
      Pick<
        CustomerMetaDTO,
        "active_company_id" | "active_company_name" | "active_company_role" | "active_company_verified"
      >
    >
): EffectiveCustomerRole {
  if (meta.active_company_id && meta.active_company_role) {
    return {
      account_type: "business",
      is_verified: meta.active_company_verified === true,
      company_name: meta.active_company_name ?? meta.company_name ?? null,
      company: {
        id: meta.active_company_id,
        name: meta.active_company_name ?? null,
        role: meta.active_company_role,
        is_verified: meta.active_company_verified === true,
      },
    }
  }
  return {
    account_type: meta.account_type,
    is_verified: meta.account_type === "business" && meta.is_verified === true,
    company_name: meta.company_name ?? null,
    company: null,
  }
}
