import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../validation/validate-body"
import { validateQuery } from "../../validation/validate-query"
import {
  listAdminBusinessCustomersQueryConfig,
  retrieveAdminCustomerMetaQueryConfig,
} from "./query-config"
import {
  AdminGetCustomerMetaParams,
  AdminListBusinessCustomersParams,
  AdminVerifyBusinessCustomer,
} from "./validators"

// These fixed paths win over core's /admin/customers/:id, whose own
// middlewares then don't run: authenticate explicitly.
const adminOnly = authenticate("user", ["session", "bearer", "api-key"])

export const adminCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/customers/verify",
    middlewares: [
      adminOnly,
      validateBody(AdminVerifyBusinessCustomer),
      validateQuery(AdminGetCustomerMetaParams, retrieveAdminCustomerMetaQueryConfig),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/tax-id",
    middlewares: [adminOnly],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/tax-id/check",
    middlewares: [adminOnly],
  },
  {
    methods: ["GET"],
    matcher: "/admin/customers/business",
    middlewares: [
      adminOnly,
      validateQuery(AdminListBusinessCustomersParams, listAdminBusinessCustomersQueryConfig),
    ],
  },
]
