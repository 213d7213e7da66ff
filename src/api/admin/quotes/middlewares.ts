import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../validation/validate-body"
import { validateQuery } from "../../validation/validate-query"
import {
  listAdminQuotesQueryConfig,
  retrieveAdminQuoteQueryConfig,
} from "./query-config"
import {
  AdminGetQuoteParams,
  AdminGetQuotesParams,
  AdminRejectQuote,
  AdminRespondToQuote,
} from "./validators"

/** `?fields=` for every route answering one quote. */
const retrieveQuote = validateQuery(AdminGetQuoteParams, retrieveAdminQuoteQueryConfig)

export const adminQuoteRoutesMiddlewares: MiddlewareRoute[] = [
  {
    // /admin is protected by core already; said again so these routes stay
    // admin-only even if that default changes or a matcher shadows it.
    matcher: "/admin/quotes*",
    middlewares: [authenticate("user", ["session", "bearer", "api-key"])],
  },
  {
    methods: ["GET"],
    matcher: "/admin/quotes",
    middlewares: [validateQuery(AdminGetQuotesParams, listAdminQuotesQueryConfig)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/quotes/:id",
    middlewares: [retrieveQuote],
  },
  {
    methods: ["POST"],
    matcher: "/admin/quotes/:id/respond",
    middlewares: [validateBody(AdminRespondToQuote), retrieveQuote],
  },
  {
    methods: ["POST"],
    matcher: "/admin/quotes/:id/reject",
    middlewares: [validateBody(AdminRejectQuote), retrieveQuote],
  },
]
