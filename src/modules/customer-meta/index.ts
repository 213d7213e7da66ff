import { Module } from "@medusajs/framework/utils"
import CustomerMetaModuleService from "./service"

// Prefixed: a host or another plugin may have its own customer module keys.
export const CUSTOMER_META_MODULE = "roleSyncCustomerMeta"

export default Module(CUSTOMER_META_MODULE, {
  service: CustomerMetaModuleService,
})

export { CustomerMetaModuleService }
export * from "./types"
