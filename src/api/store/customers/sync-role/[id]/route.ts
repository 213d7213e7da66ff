import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_META_MODULE } from "../../../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../../../modules/customer-meta/service"
import { formatStoreCustomerMeta } from "../../../../utils/format-customer-meta"

/** The caller's own role. Any other id is a 404, so ids can't be probed. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const notFound = new MedusaError(
    MedusaError.Types.NOT_FOUND,
    `No role found for customer ${req.params.id}`
  )
  if (req.params.id !== req.auth_context.actor_id) {
    throw notFound
  }
  const service: CustomerMetaModuleService =
    req.scope.resolve(CUSTOMER_META_MODULE)
  const meta = await service.retrieveByCustomerId(req.auth_context.actor_id)
  if (!meta) {
    throw notFound
  }
  res.json({ customer_meta: formatStoreCustomerMeta(meta) })
}
