export * from "./workflows/sync-customer-role"
export * from "./steps/resolve-sync-target"
export * from "./steps/upsert-customer-meta"
export * from "./steps/validate-role-claims"
