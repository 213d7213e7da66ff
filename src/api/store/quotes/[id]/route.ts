import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { callerQuoteScope, fetchCustomerQuote } from "../helpers"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({
    quote: await fetchCustomerQuote(req.scope, req.params.id, await callerQuoteScope(req)),
  })
}
