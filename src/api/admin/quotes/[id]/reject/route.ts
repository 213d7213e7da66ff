import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminQuoteResponse } from "../../../../../types"
import { rejectQuoteWorkflow } from "../../../../../workflows/quote"
import { refetchQuote } from "../../../../utils/query-quotes"
import type { AdminRejectQuoteType } from "../../validators"

/** The store declines a requested or quoted quote; the note tells why. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRejectQuoteType>,
  res: MedusaResponse<AdminQuoteResponse>
) => {
  const { note, additional_data } = req.validatedBody
  await rejectQuoteWorkflow(req.scope).run({
    input: { quote_id: req.params.id, rejected_by: "admin", note, additional_data },
  })
  res.json({
    quote: await refetchQuote(req, { id: req.params.id }),
  })
}
