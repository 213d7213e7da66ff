import { defineMiddlewares } from "@medusajs/framework/http"
import { storeCustomerRoutesMiddlewares } from "./store/customers/middlewares"

export default defineMiddlewares({
  routes: [...storeCustomerRoutesMiddlewares],
})
