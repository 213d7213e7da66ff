import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { StoreQuoteListResponse } from "../../../types"
import { listQuotes } from "../../utils/query-quotes"

/** The caller's own quotes, newest first unless `?order=` says otherwise. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreQuoteListResponse>
) => {
  res.json(
    await listQuotes(req.scope, req.queryConfig, {
      ...req.filterableFields,
      customer_id: req.auth_context.actor_id,
    })
  )
}
