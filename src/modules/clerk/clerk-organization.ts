import { z } from "@medusajs/framework/zod"
import type { OrganizationMembership } from "@clerk/backend"
import { ClerkId } from "./clerk-user"

/** The part of a Clerk Organization the plugin needs, serializable for workflows. */
export type ClerkOrganizationSnapshot = {
  id: string
  /** The organization's name, made storable (see `storableOrganizationName`). */
  name: string
  /** Clerk's `updated_at` (ms since the epoch): orders webhook deliveries. */
  updated_at: number
}

/** A user's membership of an organization. */
export type ClerkMembershipSnapshot = {
  /** `orgmem_…` */
  id: string
  /** Clerk's role key (`org:admin`, `org:member`, custom `org:…`). */
  role: string
  user_id: string
  organization: ClerkOrganizationSnapshot
  /** When the user joined (ms). */
  created_at: number
  /** Clerk's `updated_at` of the membership (ms). */
  updated_at: number
}

const NAME_MAX = 255
// Control characters and bidirectional controls (DESIGN §9 rule 5): they
// can't be refused (the name is Clerk's), so they are dropped.
const UNSTORABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu

/**
 * The organization's name as the store keeps it: control and bidirectional
 * characters dropped, white space collapsed, at most 255 characters; the
 * slug (or the id) when nothing visible is left.
 */
export function storableOrganizationName(
  name: string | null | undefined,
  fallback: string
): string {
  const cleaned = Array.from((name ?? "").replace(UNSTORABLE, "").replace(/\s+/gu, " ").trim())
    .slice(0, NAME_MAX)
    .join("")
    .trim()
  return cleaned || fallback.slice(0, NAME_MAX)
}

const ClerkTime = z
  .number({ error: "must be a Clerk time in milliseconds" })
  .int({ error: "must be a Clerk time in milliseconds" })
  .nonnegative({ error: "must be a Clerk time in milliseconds" })

/**
 * A Clerk Organization in the Backend API's JSON (`OrganizationJSON` of
 * `@clerk/backend`; https://clerk.com/docs/reference/backend-api/tag/Organizations#operation/GetOrganization),
 * as `organization.created` / `organization.updated` carry it and as it is
 * nested in a membership. `updated_at` is required: it orders deliveries.
 */
export const ClerkOrganizationJson = z
  .object({
    object: z.literal("organization", { error: 'must be "organization"' }).optional(),
    id: ClerkId,
    name: z.string({ error: "must be a string" }).nullish(),
    slug: z.string().nullish(),
    updated_at: ClerkTime,
  })
  .transform(
    (org): ClerkOrganizationSnapshot => ({
      id: org.id,
      name: storableOrganizationName(org.name, org.slug || org.id),
      updated_at: org.updated_at,
    })
  )

/**
 * A membership in the Backend API's JSON (`OrganizationMembershipJSON`:
 * `{ object: "organization_membership", id, role, organization,
 * public_user_data: { user_id, … }, created_at, updated_at }`), as
 * `GET /v1/users/{id}/organization_memberships` lists them and as
 * `organizationMembership.created|updated|deleted` carry one
 * (https://clerk.com/docs/reference/backend-api/tag/Users#operation/UsersGetOrganizationMemberships).
 */
export const ClerkMembershipJson = z
  .object({
    object: z
      .literal("organization_membership", { error: 'must be "organization_membership"' })
      .optional(),
    id: ClerkId,
    role: z.string({ error: "must be a Clerk role key" }).trim().min(1, { error: "must be a Clerk role key" }),
    organization: ClerkOrganizationJson,
    public_user_data: z.object({ user_id: ClerkId }, { error: "must carry the member's user_id" }),
    created_at: ClerkTime,
    updated_at: ClerkTime,
  })
  .transform(
    (m): ClerkMembershipSnapshot => ({
      id: m.id,
      role: m.role,
      user_id: m.public_user_data.user_id,
      organization: m.organization,
      created_at: m.created_at,
      updated_at: m.updated_at,
    })
  )

/** A membership loaded with `@clerk/backend`: converted from the JSON it came as. */
export function toClerkMembershipSnapshot(membership: OrganizationMembership): ClerkMembershipSnapshot {
  return ClerkMembershipJson.parse(membership.raw)
}
