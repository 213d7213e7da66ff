import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_META_MODULE } from "../../../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../../../modules/customer-meta/service"
import { adminTaxIdView } from "./helpers"

/**
 * `GET /admin/customers/:id/tax-id`: the customer's tax ID, its status, the
 * current VIES check with its evidence and the earlier checks. 404 when the
 * customer has no synced role.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const metas: CustomerMetaModuleService = req.scope.resolve(CUSTOMER_META_MODULE)
  const meta = await metas.retrieveByCustomerId(req.params.id)
  if (!meta) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer ${req.params.id} has no synced role: no tax ID`
    )
  }
  res.json(await adminTaxIdView(req.scope, meta))
}
