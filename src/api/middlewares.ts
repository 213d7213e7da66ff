import { defineMiddlewares } from "@medusajs/framework/http"
import { assertClerkReadyToServe } from "../modules/clerk/serving-check"
import { adminCompanyRoutesMiddlewares } from "./admin/companies/middlewares"
import { adminCustomerRoutesMiddlewares } from "./admin/customers/middlewares"
import { clerkWebhookRoutesMiddlewares } from "./hooks/clerk/middlewares"
import { storeCartRoutesMiddlewares } from "./store/carts/middlewares"
import { storeCompanyRoutesMiddlewares } from "./store/companies/middlewares"
import { storeCustomerRoutesMiddlewares } from "./store/customers/middlewares"
import { adminQuoteRoutesMiddlewares } from "./admin/quotes/middlewares"
import { storeBulkOrderRoutesMiddlewares } from "./store/orders/middlewares"
import { storeQuoteRoutesMiddlewares } from "./store/quotes/middlewares"
import { pluginInputGuardMiddlewares } from "./validation/route-input-guards"

// Medusa loads the API only when a server starts serving (not for
// db:migrate, `medusa user` or `medusa exec`): missing Clerk keys stop the
// server here with a message naming the option.
assertClerkReadyToServe()

export default defineMiddlewares({
  routes: [
    // First: depth of body and query, ids in the path (DESIGN §9.5).
    ...pluginInputGuardMiddlewares,
    ...storeCustomerRoutesMiddlewares,
    ...storeCartRoutesMiddlewares,
    ...adminCustomerRoutesMiddlewares,
    ...clerkWebhookRoutesMiddlewares,
    ...storeQuoteRoutesMiddlewares,
    ...adminQuoteRoutesMiddlewares,
    ...storeBulkOrderRoutesMiddlewares,
    ...storeCompanyRoutesMiddlewares,
    ...adminCompanyRoutesMiddlewares,
  ],
})
