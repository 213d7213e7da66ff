export * from "./customer-meta"
export * from "./quote"
export * from "./bulk-order"
export * from "./company"
