import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { rejectQuoteWorkflow } from "../../../../../workflows/quote"
import { fetchAdminQuote } from "../../helpers"
import type { AdminRejectQuoteType } from "../../validators"

/** The store declines a requested or quoted quote; the note tells why. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRejectQuoteType>,
  res: MedusaResponse
) => {
  await rejectQuoteWorkflow(req.scope).run({
    input: { quote_id: req.params.id, rejected_by: "admin", note: req.validatedBody?.note },
  })
  res.json({ quote: await fetchAdminQuote(req.scope, req.params.id) })
}
