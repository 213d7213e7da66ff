import { Module } from "@medusajs/framework/utils"
import QuoteModuleService from "./service"

// Prefixed so it cannot collide with a host's or another plugin's `quote` module.
export const QUOTE_MODULE = "roleSyncQuote"

export default Module(QUOTE_MODULE, {
  service: QuoteModuleService,
})

export { QuoteModuleService }
export * from "./types"
export * from "./utils/transitions"
