import { MedusaError } from "@medusajs/framework/utils"

export type MembershipChoice = {
  company_id: string
  clerk_organization_id: string
  /** When the user joined the organization. */
  joined_at: Date | string
}

/**
 * DESIGN §10 rule 2: the active company is the organization the caller asked
 * for (only among their real memberships), else the only one, else the one
 * active before, else the oldest membership. Null without memberships.
 *
 * @throws FORBIDDEN when `requestedOrganizationId` is not one of them.
 */
export function chooseActiveCompany<T extends MembershipChoice>(
  memberships: T[],
  {
    requestedOrganizationId,
    previousCompanyId,
  }: { requestedOrganizationId?: string | null; previousCompanyId?: string | null }
): T | null {
  if (requestedOrganizationId) {
    const requested = memberships.find(
      (m) => m.clerk_organization_id === requestedOrganizationId
    )
    if (!requested) {
      throw organizationNotAMembership(requestedOrganizationId)
    }
    return requested
  }
  if (memberships.length <= 1) {
    return memberships[0] ?? null
  }
  const previous = previousCompanyId
    ? memberships.find((m) => m.company_id === previousCompanyId)
    : undefined
  if (previous) {
    return previous
  }
  return [...memberships].sort(
    (a, b) =>
      new Date(a.joined_at).getTime() - new Date(b.joined_at).getTime() ||
      a.clerk_organization_id.localeCompare(b.clerk_organization_id)
  )[0]
}

export const organizationNotAMembership = (organizationId: string) =>
  new MedusaError(
    MedusaError.Types.FORBIDDEN,
    `organization_id ${organizationId} is not an organization you are a member of in Clerk; nothing was changed.`
  )
