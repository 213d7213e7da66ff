export * from "./workflows/create-bulk-order-cart"
export * from "./steps/resolve-bulk-order-region"
export * from "./steps/validate-bulk-order-lines"
