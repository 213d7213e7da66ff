import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminQuoteResponse } from "../../../../types"
import { refetchQuote } from "../../../utils/refetch-quote"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminQuoteResponse>
) => {
  res.json({
    quote: await refetchQuote(req.scope, { id: req.params.id }, req.queryConfig.fields),
  })
}
