import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminCompanyResponse } from "../../../../../types/company"
import { isRoleSyncError, RoleSyncErrorCodes } from "../../../../../utils/errors"
import { verifyCompanyWorkflow } from "../../../../../workflows/company"
import { withRoleSyncErrors } from "../../../../utils/role-sync-error-response"
import { fetchAdminCompany } from "../../helpers"
import type { AdminVerifyCompanyType } from "../../validators"

/**
 * Verifies (default) or unverifies a company (DESIGN §10 rule 4). With
 * `expected_updated_at` (the admin UI always sends it), a company changed
 * since it was reviewed answers `409` `version_conflict` with the current
 * `company` and nothing is written. `200 { company }` with its members.
 */
export const POST = withRoleSyncErrors(async (
  req: AuthenticatedMedusaRequest<AdminVerifyCompanyType>,
  res: MedusaResponse<AdminCompanyResponse>
) => {
  const { verified, expected_updated_at } = req.validatedBody
  try {
    await verifyCompanyWorkflow(req.scope).run({
      input: {
        company_id: req.params.id,
        verified,
        expected_updated_at: expected_updated_at ?? null,
        actor_id: req.auth_context.actor_id,
      },
    })
  } catch (e) {
    if (isRoleSyncError(e, RoleSyncErrorCodes.VERSION_CONFLICT)) {
      // The admin sees what changed: the company as it is now.
      e.details = { company: await fetchAdminCompany(req.scope, req.params.id) }
    }
    throw e
  }
  res.json({ company: await fetchAdminCompany(req.scope, req.params.id) })
})
