import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { rolesWithPermission } from "../../../types/company"
import { requireAccountType, requireCompanyRoleIfMember } from "../../guards"
import { validateBody } from "../../validation/validate-body"
import { validateQuery } from "../../validation/validate-query"
import {
  listStoreQuotesQueryConfig,
  retrieveStoreQuoteQueryConfig,
} from "./query-config"
import {
  StoreCreateQuoteRequest,
  StoreGetQuoteParams,
  StoreGetQuotesParams,
  StoreQuoteAction,
} from "./validators"

/** `?fields=` for every route answering one quote. */
const retrieveQuote = validateQuery(StoreGetQuoteParams, retrieveStoreQuoteQueryConfig)

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
      retrieveQuote,
    ],
  },
  {
    methods: ["GET"],
    matcher: "/store/quotes",
    middlewares: [validateQuery(StoreGetQuotesParams, listStoreQuotesQueryConfig)],
  },
  {
    methods: ["GET"],
    matcher: "/store/quotes/:id",
    middlewares: [retrieveQuote],
  },
  {
    methods: ["POST"],
    matcher: "/store/quotes/:id/accept",
    // Only a company admin decides on a company's quote.
    middlewares: [
      requireCompanyRoleIfMember(...rolesWithPermission("quotes.decide")),
      validateBody(StoreQuoteAction),
      retrieveQuote,
    ],
  },
  {
    methods: ["POST"],
    matcher: "/store/quotes/:id/reject",
    middlewares: [
      requireCompanyRoleIfMember(...rolesWithPermission("quotes.decide")),
      validateBody(StoreQuoteAction),
      retrieveQuote,
    ],
  },
]
