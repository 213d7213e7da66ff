import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { rolesWithPermission } from "../../../types/company"
import { requireAccountType, requireCompanyRoleIfMember } from "../../guards"
import { validateBody } from "../../validation/validate-body"
import { validateQuery } from "../../validation/validate-query"
import { QUOTE_FIELDS } from "../../utils/format-quote"
import { StoreCreateQuoteRequest, StoreGetQuotesParams } from "./validators"

export const storeQuoteRoutesMiddlewares: MiddlewareRoute[] = [
  {
    // Every quote route: a signed-in customer with a business account. A
    // declared business may ask for prices; the admin decides what to offer.
    matcher: "/store/quotes*",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      requireAccountType("business"),
    ],
  },
  {
    // DESIGN §10 rule 3: a company's admins and buyers may ask for quotes
    // (members only read them); sole traders pass.
    methods: ["POST"],
    matcher: "/store/quotes/request",
    middlewares: [
      requireCompanyRoleIfMember(...rolesWithPermission("quotes.request")),
      validateBody(StoreCreateQuoteRequest),
    ],
  },
  {
    // Only a company admin decides on a company's quote.
    methods: ["POST"],
    matcher: "/store/quotes/:id/accept",
    middlewares: [requireCompanyRoleIfMember(...rolesWithPermission("quotes.decide"))],
  },
  {
    methods: ["POST"],
    matcher: "/store/quotes/:id/reject",
    middlewares: [requireCompanyRoleIfMember(...rolesWithPermission("quotes.decide"))],
  },
  {
    methods: ["GET"],
    matcher: "/store/quotes",
    middlewares: [
      validateQuery(StoreGetQuotesParams, {
        defaults: QUOTE_FIELDS,
        isList: true,
        defaultLimit: 20,
      }),
    ],
  },
]
