import { Module } from "@medusajs/framework/utils"
import ClerkModuleService from "./service"

export const CLERK_MODULE = "roleSyncClerk"

export default Module(CLERK_MODULE, {
  service: ClerkModuleService,
})

export * from "./options"
export type { ClerkUserSnapshot } from "./clerk-user"
export type { ClerkMembershipSnapshot, ClerkOrganizationSnapshot } from "./clerk-organization"
export { ClerkModuleService }
