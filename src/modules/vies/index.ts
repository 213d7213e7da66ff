import { Module } from "@medusajs/framework/utils"
import ViesModuleService from "./service"

export const VIES_MODULE = "roleSyncVies"

export default Module(VIES_MODULE, {
  service: ViesModuleService,
})

export { ViesModuleService }
export * from "./options"
export * from "./types"
