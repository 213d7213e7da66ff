import { Module } from "@medusajs/framework/utils"
import TaxIdCheckModuleService from "./service"

export const TAX_ID_CHECK_MODULE = "roleSyncTaxIdCheck"

export default Module(TAX_ID_CHECK_MODULE, {
  service: TaxIdCheckModuleService,
})

export { TaxIdCheckModuleService }
export * from "./types"
export { TAX_ID_CHECK_OWNER_TYPES, TAX_ID_CHECK_STATUSES } from "./models/tax-id-check"
