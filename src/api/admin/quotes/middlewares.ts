import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../validation/validate-body"
import { validateQuery } from "../../validation/validate-query"
import { ADMIN_QUOTE_FIELDS } from "./helpers"
import {
  AdminGetQuotesParams,
  AdminRejectQuote,
  AdminRespondToQuote,
} from "./validators"

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
    middlewares: [
      validateQuery(AdminGetQuotesParams, {
        defaults: ADMIN_QUOTE_FIELDS,
        isList: true,
        defaultLimit: 20,
      }),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/quotes/:id/respond",
    middlewares: [validateBody(AdminRespondToQuote)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/quotes/:id/reject",
    middlewares: [validateBody(AdminRejectQuote)],
  },
]
