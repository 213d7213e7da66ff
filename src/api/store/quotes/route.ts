import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreQuoteListResponse } from "../../../types"
import { quoteOrder } from "../../utils/quote-fields"
import type { StoreGetQuotesParamsType } from "./validators"

/** The caller's own quotes, newest first unless `?order=` says otherwise. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetQuotesParamsType>,
  res: MedusaResponse<StoreQuoteListResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { fields, pagination } = req.queryConfig

  const { data: quotes, metadata } = await query.graph({
    entity: "quote_request",
    fields,
    // The caller's id last: no filter of theirs can widen it.
    filters: { ...req.filterableFields, customer_id: req.auth_context.actor_id },
    pagination: { ...pagination, order: quoteOrder(fields, pagination.order) },
  })

  res.json({
    quotes,
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}
