import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { rolesWithPermission } from "../../../types/company"
import { requireAccountType, requireCompanyRoleIfMember } from "../../guards"
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
      // A company's members with the role may (DESIGN §10 rule 3).
      requireCompanyRoleIfMember(...rolesWithPermission("bulk_orders.create")),
      validateBody(StoreCreateBulkOrder),
    ],
  },
]
