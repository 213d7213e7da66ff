import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ADMIN_QUOTE_FIELDS, formatAdminQuote } from "./helpers"
import type { AdminGetQuotesParamsType } from "./validators"

/** All quotes, newest first, filterable by status, customer and company. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetQuotesParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { status, customer_id, company_id, limit, offset } =
    req.validatedQuery as AdminGetQuotesParamsType

  const { data, metadata } = await query.graph({
    entity: "quote_request",
    fields: ADMIN_QUOTE_FIELDS,
    filters: {
      ...(status ? { status } : {}),
      ...(customer_id ? { customer_id } : {}),
      ...(company_id ? { company_id } : {}),
    },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })

  res.json({
    quotes: data.map(formatAdminQuote),
    count: metadata?.count ?? data.length,
    limit,
    offset,
  })
}
