import {
  refetchEntity,
  type AuthenticatedMedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { StoreCustomerMetaResponse } from "../../../../../types"

/** The caller's own role. Any other id is a 404, so ids can't be probed. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreCustomerMetaResponse>
) => {
  const customerId = req.auth_context.actor_id
  const customer_meta =
    req.params.id === customerId
      ? await refetchEntity({
          entity: "customer_meta",
          idOrFilter: { customer_id: customerId },
          scope: req.scope,
          fields: req.queryConfig.fields,
        })
      : undefined
  if (!customer_meta) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `No role found for customer ${req.params.id}`
    )
  }
  res.json({ customer_meta })
}
