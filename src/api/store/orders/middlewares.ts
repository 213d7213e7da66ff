import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { requireAccountType } from "../../guards"
import { validateBody } from "../../validation/validate-body"
import { StoreCreateBulkOrder } from "./validators"

export const storeBulkOrderRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/orders/create-bulk",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      // The cart is priced by Medusa (price lists decide what a business
      // pays), so a declared business is enough to build one.
      requireAccountType("business"),
      validateBody(StoreCreateBulkOrder),
    ],
  },
]
