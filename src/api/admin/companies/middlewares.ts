import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../validation/validate-body"
import { validateQuery } from "../../validation/validate-query"
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
      validateQuery(AdminGetCompaniesParams, QueryConfig.listTransformQueryConfig),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/companies/:id",
    middlewares: [
      validateQuery(AdminGetCompanyParams, QueryConfig.retrieveTransformQueryConfig),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/companies/:id/verify",
    middlewares: [validateBody(AdminVerifyCompany)],
  },
]
