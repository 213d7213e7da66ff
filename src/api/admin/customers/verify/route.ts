import {
  refetchEntity,
  type AuthenticatedMedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminCustomerMetaResponse } from "../../../../types"
import { verifyBusinessCustomerWorkflow } from "../../../../workflows/customer-meta"
import type { AdminVerifyBusinessCustomerType } from "../validators"

/** Verifies (default) or unverifies a business; answers its role with `?fields=`. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminVerifyBusinessCustomerType>,
  res: MedusaResponse<AdminCustomerMetaResponse>
) => {
  const { customer_id, verified, additional_data } = req.validatedBody
  const { result } = await verifyBusinessCustomerWorkflow(req.scope).run({
    input: {
      customer_id,
      verified,
      actor_id: req.auth_context.actor_id,
      additional_data,
    },
  })
  const customer_meta = await refetchEntity({
    entity: "customer_meta",
    idOrFilter: result.customer_meta.id,
    scope: req.scope,
    fields: req.queryConfig.fields,
    options: { throwIfKeyNotFound: true },
  })
  res.json({ customer_meta })
}
