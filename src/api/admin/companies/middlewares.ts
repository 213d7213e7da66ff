import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import * as QueryConfig from "./query-config"
import {
  AdminGetCompaniesParams,
  AdminGetCompanyParams,
  AdminVerifyCompany,
} from "./validators"

export const adminCompanyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    // /admin is protected by core already; said again so these routes stay
    // admin-only even if that default changes or a matcher shadows it.
    matcher: "/admin/companies*",
    middlewares: [authenticate("user", ["session", "bearer", "api-key"])],
  },
  {
    methods: ["GET"],
    matcher: "/admin/companies",
    middlewares: [
      validateAndTransformQuery(AdminGetCompaniesParams, QueryConfig.listTransformQueryConfig),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/companies/:id",
    middlewares: [
      validateAndTransformQuery(AdminGetCompanyParams, QueryConfig.retrieveTransformQueryConfig),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/companies/:id/verify",
    middlewares: [validateAndTransformBody(AdminVerifyCompany)],
  },
]
