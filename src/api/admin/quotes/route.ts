import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminQuoteListResponse } from "../../../types"
import { quoteOrder } from "../../utils/quote-fields"
import type { AdminGetQuotesParamsType } from "./validators"

/** All quotes, newest first, filterable by status, customer and dates. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetQuotesParamsType>,
  res: MedusaResponse<AdminQuoteListResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { fields, pagination } = req.queryConfig

  const { data: quotes, metadata } = await query.graph({
    entity: "quote_request",
    fields,
    filters: req.filterableFields,
    pagination: { ...pagination, order: quoteOrder(fields, pagination.order) },
  })

  res.json({
    quotes,
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}
