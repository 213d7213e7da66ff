import {
  ADMIN_CUSTOMER_META_FIELDS,
  STORE_CUSTOMER_META_FIELDS,
  type AdminCustomerMeta,
  type CustomerMetaDTO,
  type StoreCustomerMeta,
} from "../../types"

export { ADMIN_CUSTOMER_META_FIELDS, STORE_CUSTOMER_META_FIELDS }

const pick = <T>(meta: Partial<CustomerMetaDTO>, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, (meta as any)[f] ?? null])) as T

/** What a customer may see of their own role. */
export const formatStoreCustomerMeta = (meta: Partial<CustomerMetaDTO>) =>
  pick<StoreCustomerMeta>(meta, STORE_CUSTOMER_META_FIELDS)

/** What an admin sees of a role. */
export const formatAdminCustomerMeta = (meta: Partial<CustomerMetaDTO>) =>
  pick<AdminCustomerMeta>(meta, ADMIN_CUSTOMER_META_FIELDS)
