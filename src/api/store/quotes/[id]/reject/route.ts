import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { rejectQuoteWorkflow } from "../../../../../workflows/quote"
import { callerQuoteScope, fetchCustomerQuote } from "../../helpers"

/** The customer (for a company, a company admin) declines a requested or quoted quote. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const scope = await callerQuoteScope(req)
  await rejectQuoteWorkflow(req.scope).run({
    input: {
      quote_id: req.params.id,
      customer_id: scope.customer_id,
      company_id: scope.company_id,
      rejected_by: "customer",
    },
  })
  res.json({ quote: await fetchCustomerQuote(req.scope, req.params.id, scope) })
}
