import { ADMIN_CUSTOMER_META_FIELDS } from "../../../types"

const CUSTOMER_FIELDS = ["id", "email", "first_name", "last_name", "company_name", "phone"]

/** A customer's role as the admin sees it (verify's answer). */
export const adminCustomerMetaFields = [...ADMIN_CUSTOMER_META_FIELDS]

export const adminCustomerMetaAllowedFields = [
  ...ADMIN_CUSTOMER_META_FIELDS,
  "customer",
  ...CUSTOMER_FIELDS.map((field) => `customer.${field}`),
]

export const retrieveAdminCustomerMetaQueryConfig = {
  defaults: adminCustomerMetaFields,
  allowed: adminCustomerMetaAllowedFields,
  isList: false,
}

/** A business customer in the admin list: the role and who it belongs to. */
export const adminBusinessCustomerFields = [
  ...ADMIN_CUSTOMER_META_FIELDS,
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
]

export const listAdminBusinessCustomersQueryConfig = {
  defaults: adminBusinessCustomerFields,
  allowed: adminCustomerMetaAllowedFields,
  isList: true,
}
