import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminQuoteListResponse } from "../../../types"
import { listQuotes } from "../../utils/query-quotes"

/** All quotes, newest first, filterable by status, customer and dates. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminQuoteListResponse>
) => {
  res.json(await listQuotes(req.scope, req.queryConfig, req.filterableFields))
}
