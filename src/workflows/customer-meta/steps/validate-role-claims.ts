import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ClerkUserSnapshot } from "../../../modules/clerk/clerk-user"
import type { AccountTypeSource } from "../../../modules/clerk/options"
import { isRoleSyncError, RoleSyncErrorCodes } from "../../../utils/errors"
import { parseRoleClaims, type RoleClaims } from "../../../utils/role-claims"

export type ValidateRoleClaimsStepInput = {
  clerk_user: ClerkUserSnapshot
  account_type_source: AccountTypeSource
  /**
   * The user is a member of a Clerk organization: its company makes it a
   * business whatever it declared (DESIGN §10 rule 2), so metadata that
   * can't be read doesn't block the sync; the declaration is then recorded
   * as none (individual).
   */
  is_company_member?: boolean
}

// Pure: runs before the lock so invalid metadata fails fast (422).
export const validateRoleClaimsStepId = "role-sync-validate-role-claims"

export const validateRoleClaimsStep = createStep(
  validateRoleClaimsStepId,
  async (input: ValidateRoleClaimsStepInput) => {
    try {
      const claims: RoleClaims = parseRoleClaims(
        input.clerk_user,
        input.account_type_source
      )
      return new StepResponse<RoleClaims>(claims)
    } catch (e) {
      if (input.is_company_member && isRoleSyncError(e, RoleSyncErrorCodes.INVALID_METADATA)) {
        const none: RoleClaims = {
          account_type: "individual",
          company_name: null,
          tax_id: null,
          tax_id_country: null,
          tax_id_status: null,
        }
        return new StepResponse(none)
      }
      throw e
    }
  }
)
