import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { StoreQuoteListResponse } from "../../../types"
import { listQuotes } from "../../utils/query-quotes"
import { callerQuoteScope, scopeFilters } from "./quote-scope"

/**
 * The caller's quotes, newest first unless `?order=` says otherwise: a
 * company member sees every quote of its active company, anyone else their
 * own.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreQuoteListResponse>
) => {
  res.json(
    await listQuotes(req.scope, req.queryConfig, {
      ...req.filterableFields,
      ...scopeFilters(await callerQuoteScope(req)),
    })
  )
}
