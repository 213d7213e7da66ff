/**
 * Companies (DESIGN §10): a Clerk Organization is a company in the store and
 * its members buy for it. Shapes of the `roleSyncCompany` module and of the
 * company routes, shared by the server, the admin and host apps
 * (`medusa-plugin-role-sync/types`). Dates are `Date` inside the server and
 * ISO strings over HTTP.
 */
import type { PaginatedResponse, SyncedCustomer } from "./http"

/**
 * A member's role in the store. Clerk's `org:admin` is `admin`, `org:member`
 * is `buyer`; any other Clerk role maps through the plugin option
 * `organizationRoles` and else to `member` (DESIGN §10 rule 1).
 */
export const COMPANY_ROLES = ["admin", "buyer", "member"] as const

export type CompanyRole = (typeof COMPANY_ROLES)[number]

/** What a company member may do (DESIGN §10 rule 3). */
export const COMPANY_PERMISSIONS = [
  /** Read the company's quotes (every member). */
  "quotes.read",
  /** Ask the store for a quote. */
  "quotes.request",
  /** Accept a quoted offer (turns it into a cart) or reject a quote. */
  "quotes.decide",
  /** Build a cart from many lines (`POST /store/orders/create-bulk`). */
  "bulk_orders.create",
  /** Change the company's tax ID and country (`POST /store/companies/me`). */
  "company.edit_tax_data",
] as const

export type CompanyPermission = (typeof COMPANY_PERMISSIONS)[number]

/** The roles that hold each permission. */
export const COMPANY_ROLE_PERMISSIONS: Record<CompanyRole, readonly CompanyPermission[]> = {
  admin: [
    "quotes.read",
    "quotes.request",
    "quotes.decide",
    "bulk_orders.create",
    "company.edit_tax_data",
  ],
  buyer: ["quotes.read", "quotes.request", "bulk_orders.create"],
  member: ["quotes.read"],
}

/** The roles that hold `permission`, in the order admin, buyer, member. */
export const rolesWithPermission = (permission: CompanyPermission): CompanyRole[] =>
  COMPANY_ROLES.filter((role) => COMPANY_ROLE_PERMISSIONS[role].includes(permission))

/** Clerk's default organization roles and their store roles. */
export const DEFAULT_ORGANIZATION_ROLES: Readonly<Record<string, CompanyRole>> = {
  "org:admin": "admin",
  "org:member": "buyer",
}

/** A company as the `roleSyncCompany` module stores it. */
export type CompanyDTO = {
  /** `comp_…` */
  id: string
  /** The Clerk Organization (`org_…`); unique among live companies. */
  clerk_organization_id: string
  /** The organization's name in Clerk (1-255 characters). */
  name: string
  /** Canonical tax ID (DESIGN §11), set by a company admin or null. */
  tax_id: string | null
  /** ISO 3166-1 alpha-2 country that issued `tax_id`, or null. */
  tax_id_country: string | null
  /** ISO 3166-1 alpha-2 country of the company (upper case), or null. */
  country_code: string | null
  is_verified: boolean
  verified_at: Date | string | null
  /** The admin user id who verified it. */
  verified_by: string | null
  /** The company's own customer group (for company price lists). */
  customer_group_id: string | null
  /** Clerk's `updated_at` of the organization data last applied (webhook ordering). */
  clerk_updated_at?: Date | string | null
  created_at: Date | string
  updated_at: Date | string
  deleted_at?: Date | string | null
}

/** A customer's membership of a company, as the module stores it. */
export type CompanyMemberDTO = {
  /** `cmem_…` */
  id: string
  company_id: string
  customer_id: string
  clerk_user_id: string
  /** Clerk's membership id (`orgmem_…`). */
  clerk_membership_id: string
  role: CompanyRole
  /** The Clerk role the store role came from (`org:admin`, …). */
  clerk_role: string
  /** When the user joined the organization (Clerk's membership `created_at`). */
  joined_at: Date | string
  /** Clerk's `updated_at` of the membership data last applied. */
  clerk_updated_at?: Date | string | null
  created_at: Date | string
  updated_at: Date | string
  deleted_at?: Date | string | null
  company?: CompanyDTO
}

// ---------------------------------------------------------------- HTTP ----

/**
 * A company as its member sees it in the sync answer
 * (`POST /store/customers/sync-role` → `company`, `companies[]`).
 */
export type CompanySummary = {
  id: string
  name: string
  /** The caller's role in this company. */
  role: CompanyRole
  is_verified: boolean
  /** The Clerk Organization, for `organization_id` in the next sync. */
  clerk_organization_id: string
}

/**
 * Added to the sync answer: the active company (null for sole traders and
 * individuals) and every company the user belongs to.
 */
export type StoreSyncRoleCompanies = {
  company: CompanySummary | null
  companies: CompanySummary[]
}

/** A colleague as a company member sees them. */
export type StoreCompanyMember = {
  id: string
  customer_id: string
  role: CompanyRole
  first_name: string | null
  last_name: string | null
  email: string | null
  joined_at: string
}

/** `GET /store/companies/me`: the caller's active company. */
export type StoreCompany = {
  id: string
  name: string
  tax_id: string | null
  tax_id_country: string | null
  country_code: string | null
  is_verified: boolean
  verified_at: string | null
  /** The caller's role. */
  role: CompanyRole
  /** What the caller's role allows. */
  permissions: CompanyPermission[]
  members: StoreCompanyMember[]
  created_at: string
  updated_at: string
}

export type StoreCompanyResponse = { company: StoreCompany }

/**
 * `POST /store/companies/me` (company admins only). Omitted fields keep
 * their value, `null` clears. A change resets the company's verification.
 */
export type StoreUpdateCompanyRequest = {
  tax_id?: string | null
  /** ISO 3166-1 alpha-2, any case (`de`, `DE`). */
  country_code?: string | null
}

/** A member as an admin sees it. */
export type AdminCompanyMember = {
  id: string
  customer_id: string
  clerk_user_id: string
  clerk_membership_id: string
  role: CompanyRole
  clerk_role: string
  joined_at: string
  /** This company is the member's active one (prices and quotes follow it). */
  is_active_company: boolean
  customer: SyncedCustomer | null
}

/** A company in the admin list. */
export type AdminCompany = {
  id: string
  clerk_organization_id: string
  name: string
  tax_id: string | null
  tax_id_country: string | null
  country_code: string | null
  is_verified: boolean
  verified_at: string | null
  verified_by: string | null
  customer_group_id: string | null
  member_count: number
  created_at: string
  updated_at: string
}

/** A company with its members (`GET /admin/companies/:id`). */
export type AdminCompanyDetail = AdminCompany & { members: AdminCompanyMember[] }

/** `GET /admin/companies?verified=&q=&customer_id=&limit=&offset=` */
export type AdminCompanyListParams = {
  /** `true` / `false`; omitted: all. */
  verified?: boolean
  /** Matches the name, the tax ID or the Clerk organization id (case-insensitive). */
  q?: string
  /** Only the companies this customer belongs to. */
  customer_id?: string
  limit?: number
  offset?: number
  /** Medusa's `order` (`name`, `-created_at`, …); default `-created_at`. */
  order?: string
}

export type AdminCompanyListResponse = PaginatedResponse & { companies: AdminCompany[] }

export type AdminCompanyResponse = { company: AdminCompanyDetail }

/**
 * `POST /admin/companies/:id/verify`. `verified` defaults to true.
 * `expected_updated_at` is the `updated_at` the admin reviewed: a company
 * changed since answers `409` `version_conflict` with the current company
 * (`AdminCompanyVersionConflict`) and writes nothing.
 */
export type AdminVerifyCompanyRequest = {
  verified?: boolean
  expected_updated_at?: string
}

/** The `409` body of a stale `expected_updated_at`. */
export type AdminCompanyVersionConflict = {
  type: string
  code: "version_conflict"
  message: string
  company: AdminCompanyDetail
}
