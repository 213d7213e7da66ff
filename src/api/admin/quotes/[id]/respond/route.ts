import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminQuoteResponse } from "../../../../../types"
import { respondToQuoteWorkflow } from "../../../../../workflows/quote"
import { refetchQuote } from "../../../../utils/query-quotes"
import type { AdminRespondToQuoteType } from "../../validators"

/** Prices every line and sets the offer's expiry: the quote becomes quoted. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRespondToQuoteType>,
  res: MedusaResponse<AdminQuoteResponse>
) => {
  const { items, note, expires_at, additional_data } = req.validatedBody
  await respondToQuoteWorkflow(req.scope).run({
    input: { quote_id: req.params.id, items, note, expires_at, additional_data },
  })
  res.json({
    quote: await refetchQuote(req, { id: req.params.id }),
  })
}
