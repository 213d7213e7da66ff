import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { StoreQuoteResponse } from "../../../../types"
import { refetchQuote } from "../../../utils/query-quotes"

/** The caller's quote; another customer's id is a 404, so ids can't be probed. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreQuoteResponse>
) => {
  res.json({
    quote: await refetchQuote(req, { id: req.params.id, customer_id: req.auth_context.actor_id }),
  })
}
