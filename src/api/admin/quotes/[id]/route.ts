import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminQuoteResponse } from "../../../../types"
import { refetchQuote } from "../../../utils/query-quotes"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminQuoteResponse>
) => {
  res.json({
    quote: await refetchQuote(req, { id: req.params.id }),
  })
}
