import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { respondToQuoteWorkflow } from "../../../../../workflows/quote"
import { fetchAdminQuote } from "../../helpers"
import type { AdminRespondToQuoteType } from "../../validators"

/** Prices every line and sets the offer's expiry: the quote becomes quoted. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRespondToQuoteType>,
  res: MedusaResponse
) => {
  const { items, note, expires_at } = req.validatedBody
  await respondToQuoteWorkflow(req.scope).run({
    input: { quote_id: req.params.id, items, note, expires_at },
  })
  res.json({ quote: await fetchAdminQuote(req.scope, req.params.id) })
}
