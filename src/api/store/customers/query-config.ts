import { STORE_CUSTOMER_META_FIELDS } from "../../../types"

/**
 * What a customer sees of their own role: no Clerk user id, no admin id,
 * nothing through the links. Any other field is refused.
 */
export const storeCustomerMetaFields = [...STORE_CUSTOMER_META_FIELDS]

export const retrieveStoreCustomerMetaQueryConfig = {
  defaults: storeCustomerMetaFields,
  allowed: storeCustomerMetaFields,
  isList: false,
}
