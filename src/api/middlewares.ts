import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerRoutesMiddlewares } from "./admin/customers/middlewares"
import { clerkWebhookRoutesMiddlewares } from "./hooks/clerk/middlewares"
import { storeCartRoutesMiddlewares } from "./store/carts/middlewares"
import { storeCustomerRoutesMiddlewares } from "./store/customers/middlewares"
import { adminQuoteRoutesMiddlewares } from "./admin/quotes/middlewares"
import { storeBulkOrderRoutesMiddlewares } from "./store/orders/middlewares"
import { storeQuoteRoutesMiddlewares } from "./store/quotes/middlewares"

export default defineMiddlewares({
  routes: [
    ...storeCustomerRoutesMiddlewares,
    ...storeCartRoutesMiddlewares,
    ...adminCustomerRoutesMiddlewares,
    ...clerkWebhookRoutesMiddlewares,
    ...storeQuoteRoutesMiddlewares,
    ...adminQuoteRoutesMiddlewares,
    ...storeBulkOrderRoutesMiddlewares,
  ],
})
