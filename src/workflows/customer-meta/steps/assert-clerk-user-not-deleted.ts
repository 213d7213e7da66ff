import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  clerkUserDeletedAt,
  clerkUserDeletedError,
  findClerkProviderIdentity,
} from "../../../utils/clerk-identity"

export type AssertClerkUserNotDeletedStepInput = {
  clerk_user_id: string
}

/**
 * Refuses a Clerk user id that `user.deleted` tombstoned (DESIGN §8 rule 3):
 * a late `user.created`/`user.updated`, a sync with a token minted before
 * the deletion, or a host's own call never bring the user back. Read-only;
 * run it under the Clerk user's lock, so a deletion racing a sync is seen.
 *
 * Errors: `clerk_user_deleted` (401 on the plugin's routes, `ignored` on the
 * webhook).
 */
export const assertClerkUserNotDeletedStepId = "role-sync-assert-clerk-user-not-deleted"

export const assertClerkUserNotDeletedStep = createStep(
  assertClerkUserNotDeletedStepId,
  async (input: AssertClerkUserNotDeletedStepInput, { container }) => {
    const identity = await findClerkProviderIdentity(container, input.clerk_user_id)
    const deletedAt = clerkUserDeletedAt(identity?.provider_metadata)
    if (deletedAt) {
      throw clerkUserDeletedError(deletedAt)
    }
    return new StepResponse(undefined)
  }
)
