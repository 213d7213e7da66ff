import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerRoutesMiddlewares } from "./admin/customers/middlewares"
import { clerkWebhookRoutesMiddlewares } from "./hooks/clerk/middlewares"
import { storeCustomerRoutesMiddlewares } from "./store/customers/middlewares"
import { adminQuoteRoutesMiddlewares } from "./admin/quotes/middlewares"
import { storeBulkOrderRoutesMiddlewares } from "./store/orders/middlewares"
import { storeQuoteRoutesMiddlewares } from "./store/quotes/middlewares"

export default defineMiddlewares({
  routes: [
    ...storeCustomerRoutesMiddlewares,
    ...adminCustomerRoutesMiddlewares,
    ...clerkWebhookRoutesMiddlewares,
    ...storeQuoteRoutesMiddlewares,
    ...adminQuoteRoutesMiddlewares,
    ...storeBulkOrderRoutesMiddlewares,
  ],
})
