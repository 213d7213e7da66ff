import { Module } from "@medusajs/framework/utils"
import CompanyModuleService from "./service"

// Prefixed: a host (or Medusa's B2B starter) may have its own `company` module.
export const COMPANY_MODULE = "roleSyncCompany"

export default Module(COMPANY_MODULE, {
  service: CompanyModuleService,
})

export { CompanyModuleService }
export * from "./options"
export type { CompanyDTO, CompanyMemberDTO, CompanyRole } from "../../types/company"
