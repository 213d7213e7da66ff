import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ClerkMembershipSnapshot } from "../../../modules/clerk/clerk-organization"
import { organizationNotAMembership } from "../utils/choose-active-company"

export type ValidateOrganizationChoiceStepInput = {
  memberships: Pick<ClerkMembershipSnapshot, "organization">[]
  organization_id?: string | null
}

/**
 * `organization_id` may only name one of the user's real memberships
 * (DESIGN §10 rule 2). Pure: runs before the lock so a wrong id answers 403
 * having written nothing.
 */
export const validateOrganizationChoiceStepId = "role-sync-validate-organization-choice"

export const validateOrganizationChoiceStep = createStep(
  validateOrganizationChoiceStepId,
  async (input: ValidateOrganizationChoiceStepInput) => {
    if (
      input.organization_id &&
      !input.memberships.some((m) => m.organization.id === input.organization_id)
    ) {
      throw organizationNotAMembership(input.organization_id)
    }
    return new StepResponse(undefined)
  }
)
