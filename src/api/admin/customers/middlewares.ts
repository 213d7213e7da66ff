import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
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
    middlewares: [adminOnly, validateAndTransformBody(AdminVerifyBusinessCustomer)],
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
      validateAndTransformQuery(AdminListBusinessCustomersParams, {
        isList: true,
        defaults: [],
      }),
    ],
  },
]
