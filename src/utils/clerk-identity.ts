import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { RoleSyncErrorCodes, roleSyncError } from "./errors"

export const CLERK_PROVIDER_ID = "clerk"

/**
 * The tombstone of a deleted Clerk user (DESIGN §8 rule 3): an ISO time under
 * this key in the `provider_metadata` of its `clerk` provider identity. The
 * auth provider can read only its own identities (not other modules), so the
 * mark lives there; the delete workflow writes it (creating the identity
 * when the user never signed in), and the provider, the sync route and the
 * sync workflow refuse the id from then on. Clerk never reuses a user id.
 */
export const CLERK_USER_DELETED_AT_KEY = "role_sync_clerk_user_deleted_at"

/** When the Clerk user was deleted, from its provider identity's metadata; null when it was not. */
export function clerkUserDeletedAt(
  providerMetadata: Record<string, unknown> | null | undefined
): string | null {
  const value = providerMetadata?.[CLERK_USER_DELETED_AT_KEY]
  return typeof value === "string" && value ? value : null
}

/** The `401 clerk_user_deleted` error every path answers for a tombstoned id. */
export const clerkUserDeletedError = (deletedAt: string) =>
  roleSyncError(
    RoleSyncErrorCodes.CLERK_USER_DELETED,
    `This Clerk user was deleted (${deletedAt}): its sign-in no longer opens a store account. Sign up again to shop; a verified email finds its past orders.`
  )

type ClerkProviderIdentity = {
  id: string
  entity_id: string
  auth_identity_id: string | null
  provider_metadata: Record<string, unknown> | null
}

/** The `clerk` provider identity of a Clerk user id, if Medusa has one. */
export async function findClerkProviderIdentity(
  container: MedusaContainer,
  clerkUserId: string
): Promise<ClerkProviderIdentity | null> {
  const authService = container.resolve(Modules.AUTH)
  // (entity_id, provider) is unique: at most one identity per Clerk user.
  const [identity] = await authService.listProviderIdentities(
    { entity_id: clerkUserId, provider: CLERK_PROVIDER_ID },
    { select: ["id", "entity_id", "auth_identity_id", "provider_metadata"], take: 1 }
  )
  return identity
    ? {
        id: identity.id,
        entity_id: identity.entity_id,
        auth_identity_id: identity.auth_identity_id ?? null,
        provider_metadata: (identity.provider_metadata as Record<string, unknown>) ?? null,
      }
    : null
}

/**
 * The Clerk user id behind an auth identity, from the identity Medusa created
 * at sign-in: never from anything the client sends.
 */
export async function findClerkUserIdForIdentity(
  container: MedusaContainer,
  authIdentityId: string
): Promise<string | null> {
  return (await findClerkIdentityOfAuthIdentity(container, authIdentityId))?.entity_id ?? null
}

async function findClerkIdentityOfAuthIdentity(
  container: MedusaContainer,
  authIdentityId: string
) {
  const authService = container.resolve(Modules.AUTH)
  const [providerIdentity] = await authService.listProviderIdentities(
    { auth_identity_id: authIdentityId, provider: CLERK_PROVIDER_ID },
    { select: ["entity_id", "provider_metadata"], take: 1 }
  )
  return providerIdentity ?? null
}

/**
 * The Clerk user id of a signed-in caller.
 * @throws FORBIDDEN when the identity is not a Clerk sign-in;
 *   `clerk_user_deleted` (401) when that Clerk user was deleted.
 */
export async function getClerkUserIdForIdentity(
  container: MedusaContainer,
  authIdentityId: string
): Promise<string> {
  const identity = await findClerkIdentityOfAuthIdentity(container, authIdentityId)
  if (!identity?.entity_id) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "Role sync needs a Clerk sign-in: exchange a Clerk session token at POST /auth/customer/clerk first."
    )
  }
  const deletedAt = clerkUserDeletedAt(identity.provider_metadata as Record<string, unknown>)
  if (deletedAt) {
    throw clerkUserDeletedError(deletedAt)
  }
  return identity.entity_id
}
