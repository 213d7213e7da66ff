import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerRoutesMiddlewares } from "./admin/customers/middlewares"
import { storeCustomerRoutesMiddlewares } from "./store/customers/middlewares"

export default defineMiddlewares({
  routes: [
    ...storeCustomerRoutesMiddlewares,
    ...adminCustomerRoutesMiddlewares,
  ],
})
