import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { StoreQuoteResponse } from "../../../../../types"
import { rejectQuoteWorkflow } from "../../../../../workflows/quote"
import { refetchQuote } from "../../../../utils/query-quotes"
import type { StoreQuoteActionType } from "../../validators"

/** The customer declines a requested or quoted quote. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreQuoteActionType>,
  res: MedusaResponse<StoreQuoteResponse>
) => {
  const customerId = req.auth_context.actor_id
  await rejectQuoteWorkflow(req.scope).run({
    input: {
      quote_id: req.params.id,
      customer_id: customerId,
      rejected_by: "customer",
      additional_data: req.validatedBody.additional_data,
    },
  })
  res.json({ quote: await refetchQuote(req, { id: req.params.id, customer_id: customerId }) })
}
