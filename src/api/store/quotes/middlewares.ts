import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { requireAccountType } from "../../guards"
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
    methods: ["POST"],
    matcher: "/store/quotes/request",
    middlewares: [validateBody(StoreCreateQuoteRequest)],
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
