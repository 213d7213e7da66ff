import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { StoreQuoteResponse } from "../../../../../types"
import { rejectQuoteWorkflow } from "../../../../../workflows/quote"
import { refetchQuote } from "../../../../utils/query-quotes"
import { callerQuoteScope, scopeFilters } from "../../quote-scope"
import type { StoreQuoteActionType } from "../../validators"

/** The customer (for a company's quote, a company admin) declines a requested or quoted quote. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreQuoteActionType>,
  res: MedusaResponse<StoreQuoteResponse>
) => {
  const scope = await callerQuoteScope(req)
  await rejectQuoteWorkflow(req.scope).run({
    input: {
      quote_id: req.params.id,
      customer_id: scope.customer_id,
      company_id: scope.company_id,
      rejected_by: "customer",
      additional_data: req.validatedBody.additional_data,
    },
  })
  res.json({ quote: await refetchQuote(req, { id: req.params.id, ...scopeFilters(scope) }) })
}
