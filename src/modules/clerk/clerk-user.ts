import type { User } from "@clerk/backend"

/** The part of a Clerk user the plugin needs, serializable for workflows. */
export type ClerkUserSnapshot = {
  id: string
  email: string | null
  email_verified: boolean
  first_name: string | null
  last_name: string | null
  unsafe_metadata: Record<string, unknown>
  public_metadata: Record<string, unknown>
  /** Clerk's `updated_at` (ms): orders webhook deliveries. */
  updated_at: number
}

export function toClerkUserSnapshot(user: User): ClerkUserSnapshot {
  const primary =
    user.emailAddresses.find((e) => e.id === user.primaryEmailAddressId) ??
    null
  return {
    id: user.id,
    email: primary?.emailAddress?.toLowerCase() ?? null,
    email_verified: primary?.verification?.status === "verified",
    first_name: user.firstName ?? null,
    last_name: user.lastName ?? null,
    unsafe_metadata: (user.unsafeMetadata ?? {}) as Record<string, unknown>,
    public_metadata: (user.publicMetadata ?? {}) as Record<string, unknown>,
    updated_at: user.updatedAt ?? 0,
  }
}
