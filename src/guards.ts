// Public entry for host apps: `medusa-plugin-role-sync/guards`.
export * from "./api/guards"
