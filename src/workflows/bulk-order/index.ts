export * from "./workflows/create-bulk-order-cart"
export * from "./steps/validate-bulk-order-lines"
