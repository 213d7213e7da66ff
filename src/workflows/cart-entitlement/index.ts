export * from "./workflows/price-cart-lines"
