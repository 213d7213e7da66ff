import {
  ADMIN_CUSTOMER_META_FIELDS,
  type AdminCustomerMeta,
  type CustomerMetaDTO,
} from "../../types"

/**
 * What an admin sees of a role read from the module's service (routes that
 * read with Query take the fields from their query config instead).
 */
export const formatAdminCustomerMeta = (meta: Partial<CustomerMetaDTO>) =>
  Object.fromEntries(
    ADMIN_CUSTOMER_META_FIELDS.map((field) => [field, meta[field] ?? null])
  ) as AdminCustomerMeta
