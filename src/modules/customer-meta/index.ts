import { Module } from "@medusajs/framework/utils"
import CustomerMetaModuleService from "./service"

export const CUSTOMER_META_MODULE = "customerMeta"

export default Module(CUSTOMER_META_MODULE, {
  service: CustomerMetaModuleService,
})

export { CustomerMetaModuleService }
export * from "./types"
