import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { refuseDisallowedFields } from "../../utils/refuse-disallowed-fields"
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
const retrieveQuote = [
  refuseDisallowedFields(retrieveAdminQuoteQueryConfig),
  validateAndTransformQuery(AdminGetQuoteParams, retrieveAdminQuoteQueryConfig),
]

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
      refuseDisallowedFields(listAdminQuotesQueryConfig),
      validateAndTransformQuery(AdminGetQuotesParams, listAdminQuotesQueryConfig),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/quotes/:id",
    middlewares: retrieveQuote,
  },
  {
    methods: ["POST"],
    matcher: "/admin/quotes/:id/respond",
    middlewares: [validateAndTransformBody(AdminRespondToQuote), ...retrieveQuote],
  },
  {
    methods: ["POST"],
    matcher: "/admin/quotes/:id/reject",
    middlewares: [validateAndTransformBody(AdminRejectQuote), ...retrieveQuote],
  },
]
