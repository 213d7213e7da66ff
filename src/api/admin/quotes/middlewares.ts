import {
  authenticate,
  validateAndTransformBody,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { validateAndTransformQueryStrictly } from "../../utils/refuse-disallowed-fields"
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
const retrieveQuote = validateAndTransformQueryStrictly(
  AdminGetQuoteParams,
  retrieveAdminQuoteQueryConfig
)

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
    middlewares: validateAndTransformQueryStrictly(
      AdminGetQuotesParams,
      listAdminQuotesQueryConfig
    ),
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
