import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ClerkUserSnapshot } from "../../../modules/clerk/clerk-user"
import { parseClerkProfile, type ClerkProfile } from "../../../utils/clerk-profile"

export type ValidateClerkProfileStepInput = {
  clerk_user: ClerkUserSnapshot
}

/**
 * The email and names the customer takes from Clerk (DESIGN §8 rule 2),
 * checked as stored text. Pure: runs before the lock so bad data fails fast.
 *
 * Output: `{ email, email_verified, first_name, last_name }` (email
 * lower-cased, blank names null).
 * Errors: `invalid_metadata` naming `first_name`, `last_name` or
 * `email_address`.
 */
export const validateClerkProfileStepId = "role-sync-validate-clerk-profile"

export const validateClerkProfileStep = createStep(
  validateClerkProfileStepId,
  async (input: ValidateClerkProfileStepInput) => {
    const profile: ClerkProfile = parseClerkProfile(input.clerk_user)
    return new StepResponse(profile)
  }
)
