import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { fetchCustomerQuote } from "../helpers"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({
    quote: await fetchCustomerQuote(req.scope, req.params.id, req.auth_context.actor_id),
  })
}
