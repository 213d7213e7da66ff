import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

export const CLERK_PROVIDER_ID = "clerk"

/**
 * The Clerk user id behind an auth identity, from the identity Medusa created
 * at sign-in: never from anything the client sends.
 */
export async function findClerkUserIdForIdentity(
  container: MedusaContainer,
  authIdentityId: string
): Promise<string | null> {
  const authService = container.resolve(Modules.AUTH)
  const [providerIdentity] = await authService.listProviderIdentities(
    { auth_identity_id: authIdentityId, provider: CLERK_PROVIDER_ID },
    { select: ["entity_id"], take: 1 }
  )
  return providerIdentity?.entity_id ?? null
}

export async function getClerkUserIdForIdentity(
  container: MedusaContainer,
  authIdentityId: string
): Promise<string> {
  const clerkUserId = await findClerkUserIdForIdentity(container, authIdentityId)
  if (!clerkUserId) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "Role sync needs a Clerk sign-in: exchange a Clerk session token at POST /auth/customer/clerk first."
    )
  }
  return clerkUserId
}
