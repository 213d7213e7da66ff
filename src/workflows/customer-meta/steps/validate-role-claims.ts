import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ClerkUserSnapshot } from "../../../modules/clerk/clerk-user"
import type { AccountTypeSource } from "../../../modules/clerk/options"
import { parseRoleClaims, type RoleClaims } from "../../../utils/role-claims"

export type ValidateRoleClaimsStepInput = {
  clerk_user: ClerkUserSnapshot
  account_type_source: AccountTypeSource
}

// Pure: runs before the lock so invalid metadata fails fast (422).
export const validateRoleClaimsStepId = "role-sync-validate-role-claims"

export const validateRoleClaimsStep = createStep(
  validateRoleClaimsStepId,
  async (input: ValidateRoleClaimsStepInput) => {
    const claims: RoleClaims = parseRoleClaims(
      input.clerk_user,
      input.account_type_source
    )
    return new StepResponse(claims)
  }
)
