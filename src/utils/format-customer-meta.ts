import type { CustomerMetaDTO } from "../modules/customer-meta/types"

/** What a customer may see of their own role. */
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

const pick = (meta: CustomerMetaDTO, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, (meta as any)[f] ?? null]))

export const formatStoreCustomerMeta = (meta: CustomerMetaDTO) =>
  pick(meta, STORE_CUSTOMER_META_FIELDS)

export const formatAdminCustomerMeta = (meta: CustomerMetaDTO) =>
  pick(meta, ADMIN_CUSTOMER_META_FIELDS)
