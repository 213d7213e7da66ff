import {
  refetchEntity,
  type AuthenticatedMedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminCustomerMetaResponse, CustomerMetaDTO } from "../../../../types"
import { isRoleSyncError, RoleSyncErrorCodes } from "../../../../utils/errors"
import { verifyBusinessCustomerWorkflow } from "../../../../workflows/customer-meta"
import { formatAdminCustomerMeta } from "../../../utils/format-customer-meta"
import { withRoleSyncErrors } from "../../../utils/role-sync-error-response"
import type { AdminVerifyBusinessCustomerType } from "../validators"

/**
 * Verify (default) or unverify a business; answers its role with
 * `?fields=`. With `expected_updated_at` (the `updated_at` of the row the
 * admin reviewed), a row changed since answers `409 { code:
 * "version_conflict", message, customer_meta }` with the current data, and
 * nothing is written. `additional_data` reaches the `businessVerified` hook.
 */
export const POST = withRoleSyncErrors(
  async (
    req: AuthenticatedMedusaRequest<AdminVerifyBusinessCustomerType>,
    res: MedusaResponse<AdminCustomerMetaResponse>
  ) => {
    const { customer_id, verified, expected_updated_at, additional_data } = req.validatedBody
    try {
      const { result } = await verifyBusinessCustomerWorkflow(req.scope).run({
        input: {
          customer_id,
          verified,
          actor_id: req.auth_context.actor_id,
          expected_updated_at,
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
