import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { formatQuote, QUOTE_FIELDS } from "../../utils/format-quote"
import type { StoreGetQuotesParamsType } from "./validators"

/** The caller's own quotes, newest first. */
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
      customer_id: req.auth_context.actor_id,
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
