import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { CustomerMetaDTO } from "../../../../types"
import { isRoleSyncError, RoleSyncErrorCodes } from "../../../../utils/errors"
import { verifyBusinessCustomerWorkflow } from "../../../../workflows/customer-meta"
import { formatAdminCustomerMeta } from "../../../utils/format-customer-meta"
import { withRoleSyncErrors } from "../../../utils/role-sync-error-response"
import type { AdminVerifyBusinessCustomerType } from "../validators"

/**
 * Verify (default) or unverify a business. With `expected_updated_at` (the
 * `updated_at` of the row the admin reviewed), a row changed since answers
 * `409 { code: "version_conflict", message, customer_meta }` with the
 * current data, and nothing is written.
 */
export const POST = withRoleSyncErrors(
  async (req: AuthenticatedMedusaRequest<AdminVerifyBusinessCustomerType>, res: MedusaResponse) => {
    try {
      const { result } = await verifyBusinessCustomerWorkflow(req.scope).run({
        input: {
          customer_id: req.validatedBody.customer_id,
          verified: req.validatedBody.verified,
          actor_id: req.auth_context.actor_id,
          expected_updated_at: req.validatedBody.expected_updated_at,
        },
      })
      res.json({ customer_meta: formatAdminCustomerMeta(result.customer_meta) })
    } catch (e) {
      if (isRoleSyncError(e, RoleSyncErrorCodes.VERSION_CONFLICT) && e.details?.customer_meta) {
        // The admin sees the row as it is now, in the route's usual shape.
        e.details.customer_meta = formatAdminCustomerMeta(
          e.details.customer_meta as CustomerMetaDTO
        )
      }
      throw e
    }
  }
)
