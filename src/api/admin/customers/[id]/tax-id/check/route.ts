import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { startCustomerTaxIdCheckWorkflow } from "../../../../../../workflows/tax-id/workflows/start-customer-tax-id-check"
import { adminTaxIdView } from "../helpers"

/**
 * `POST /admin/customers/:id/tax-id/check` ("check again"): starts a new
 * VIES check of the customer's EU VAT number, whatever happened before (the
 * older check stops retrying; its evidence is kept). VIES is asked in the
 * background: `202` with the role now `pending` and the new check; poll
 * `GET /admin/customers/:id/tax-id` for the answer.
 * Errors: 404 no role; 400 VIES off (`vies.enabled`), no tax ID, or not an
 * EU VAT number (GB numbers are not in VIES).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await startCustomerTaxIdCheckWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      force: true,
      requested_by: req.auth_context.actor_id,
    },
  })
  res.status(202).json(await adminTaxIdView(req.scope, result.customer_meta))
}
