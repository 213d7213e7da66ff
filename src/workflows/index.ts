export * from "./common"
export * from "./customer-meta"
export * from "./quote"
export * from "./bulk-order"
