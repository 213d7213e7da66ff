import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { rejectQuoteWorkflow } from "../../../../../workflows/quote"
import { fetchCustomerQuote } from "../../helpers"

/** The customer declines a requested or quoted quote. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  await rejectQuoteWorkflow(req.scope).run({
    input: { quote_id: req.params.id, customer_id: customerId, rejected_by: "customer" },
  })
  res.json({ quote: await fetchCustomerQuote(req.scope, req.params.id, customerId) })
}
