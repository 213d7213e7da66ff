import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { requireAccountType } from "../../guards"
import { refuseDisallowedFields } from "../../utils/refuse-disallowed-fields"
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
const retrieveQuote = [
  refuseDisallowedFields(retrieveStoreQuoteQueryConfig),
  validateAndTransformQuery(StoreGetQuoteParams, retrieveStoreQuoteQueryConfig),
]

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
    middlewares: [validateAndTransformBody(StoreCreateQuoteRequest), ...retrieveQuote],
  },
  {
    methods: ["GET"],
    matcher: "/store/quotes",
    middlewares: [
      refuseDisallowedFields(listStoreQuotesQueryConfig),
      validateAndTransformQuery(StoreGetQuotesParams, listStoreQuotesQueryConfig),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/store/quotes/:id",
    middlewares: retrieveQuote,
  },
  {
    methods: ["POST"],
    matcher: "/store/quotes/:id/accept",
    middlewares: [validateAndTransformBody(StoreQuoteAction), ...retrieveQuote],
  },
  {
    methods: ["POST"],
    matcher: "/store/quotes/:id/reject",
    middlewares: [validateAndTransformBody(StoreQuoteAction), ...retrieveQuote],
  },
]
