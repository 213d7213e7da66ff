import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { StoreQuoteResponse } from "../../../../types"
import { refetchQuote } from "../../../utils/query-quotes"
import { callerQuoteScope, scopeFilters } from "../quote-scope"

/**
 * The caller's quote (a company member: any quote of its active company);
 * any other id is a 404, so ids can't be probed.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreQuoteResponse>
) => {
  res.json({
    quote: await refetchQuote(req, { id: req.params.id, ...scopeFilters(await callerQuoteScope(req)) }),
  })
}
