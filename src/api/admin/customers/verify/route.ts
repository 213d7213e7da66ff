import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { verifyBusinessCustomerWorkflow } from "../../../../workflows/customer-meta"
import { formatAdminCustomerMeta } from "../../../utils/format-customer-meta"
import type { AdminVerifyBusinessCustomerType } from "../validators"

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminVerifyBusinessCustomerType>,
  res: MedusaResponse
) => {
  const { result } = await verifyBusinessCustomerWorkflow(req.scope).run({
    input: {
      customer_id: req.validatedBody.customer_id,
      verified: req.validatedBody.verified,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.json({ customer_meta: formatAdminCustomerMeta(result.customer_meta) })
}
