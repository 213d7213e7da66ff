import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { StoreQuoteResponse } from "../../../../types"
import { refetchQuote } from "../../../utils/refetch-quote"

/** The caller's quote; another customer's id is a 404, so ids can't be probed. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreQuoteResponse>
) => {
  const quote = await refetchQuote(
    req.scope,
    { id: req.params.id, customer_id: req.auth_context.actor_id },
    req.queryConfig.fields
  )
  res.json({ quote })
}
