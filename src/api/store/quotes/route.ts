import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { quoteScopeFilters } from "../../../workflows/quote/utils/quote-scope"
import { formatQuote, QUOTE_FIELDS } from "../../utils/format-quote"
import { callerQuoteScope } from "./helpers"
import type { StoreGetQuotesParamsType } from "./validators"

/**
 * The caller's quotes, newest first: a company member sees every quote of
 * its active company, anyone else their own.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetQuotesParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { status, limit, offset } = req.validatedQuery as StoreGetQuotesParamsType

  const { data, metadata } = await query.graph({
    entity: "quote_request",
    fields: QUOTE_FIELDS,
    filters: {
      ...quoteScopeFilters(await callerQuoteScope(req)),
      ...(status ? { status } : {}),
    },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })

  res.json({
    quotes: data.map(formatQuote),
    count: metadata?.count ?? data.length,
    limit,
    offset,
  })
}
