import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CLERK_PROVIDER_ID,
  CLERK_USER_DELETED_AT_KEY,
  clerkUserDeletedAt,
  findClerkProviderIdentity,
} from "../../../utils/clerk-identity"

export type MarkClerkUserDeletedStepInput = {
  clerk_user_id: string
}

export type MarkClerkUserDeletedStepOutput = {
  /** When the user was deleted (ISO); the first deletion's time on a replay. */
  deleted_at: string
  /** The auth identity that carries the tombstone. */
  auth_identity_id: string
}

type Compensation =
  | { action: "unmark"; provider_identity_id: string }
  | { action: "delete"; auth_identity_id: string }
  | null

/**
 * Writes the tombstone of a deleted Clerk user (DESIGN §8 rule 3) into the
 * `provider_metadata` of its `clerk` provider identity, the one place the
 * auth provider can read at sign-in. A user who never signed in gets an
 * identity created for it, so a sign-in with a token minted before the
 * deletion finds the mark too. A replay keeps the first time.
 *
 * Compensation clears the mark (sets it to null: the Auth Module merges JSON
 * objects) or deletes the identity it created.
 */
export const markClerkUserDeletedStepId = "role-sync-mark-clerk-user-deleted"

export const markClerkUserDeletedStep = createStep(
  markClerkUserDeletedStepId,
  async (input: MarkClerkUserDeletedStepInput, { container }) => {
    const authService = container.resolve(Modules.AUTH)
    const deletedAt = new Date().toISOString()

    const mark = async (providerIdentity: {
      id: string
      auth_identity_id: string | null
      provider_metadata: Record<string, unknown> | null
    }) => {
      const already = clerkUserDeletedAt(providerIdentity.provider_metadata)
      if (already) {
        return new StepResponse<MarkClerkUserDeletedStepOutput, Compensation>(
          { deleted_at: already, auth_identity_id: providerIdentity.auth_identity_id! },
          null
        )
      }
      await authService.updateProviderIdentities({
        id: providerIdentity.id,
        provider_metadata: { [CLERK_USER_DELETED_AT_KEY]: deletedAt },
      })
      return new StepResponse<MarkClerkUserDeletedStepOutput, Compensation>(
        { deleted_at: deletedAt, auth_identity_id: providerIdentity.auth_identity_id! },
        { action: "unmark", provider_identity_id: providerIdentity.id }
      )
    }

    const existing = await findClerkProviderIdentity(container, input.clerk_user_id)
    if (existing) {
      return mark(existing)
    }
    try {
      const created = await authService.createAuthIdentities({
        provider_identities: [
          {
            provider: CLERK_PROVIDER_ID,
            entity_id: input.clerk_user_id,
            provider_metadata: { [CLERK_USER_DELETED_AT_KEY]: deletedAt },
          },
        ],
      })
      return new StepResponse<MarkClerkUserDeletedStepOutput, Compensation>(
        { deleted_at: deletedAt, auth_identity_id: created.id },
        { action: "delete", auth_identity_id: created.id }
      )
    } catch (e) {
      // A first sign-in created the identity meanwhile ((entity_id,
      // provider) is unique): mark that one.
      const raced = await findClerkProviderIdentity(container, input.clerk_user_id)
      if (raced) {
        return mark(raced)
      }
      throw e
    }
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const authService = container.resolve(Modules.AUTH)
    if (compensation.action === "delete") {
      await authService.deleteAuthIdentities([compensation.auth_identity_id])
      return
    }
    await authService.updateProviderIdentities({
      id: compensation.provider_identity_id,
      provider_metadata: { [CLERK_USER_DELETED_AT_KEY]: null },
    })
  }
)
