// Public entry for host apps and the admin: `medusa-plugin-role-sync/types`.
export * from "./account"
export * from "./customer-meta"
export * from "./quote"
export * from "./company"
export * from "./errors"
export * from "./http"
export * from "./options"
export * from "./tax-id"
