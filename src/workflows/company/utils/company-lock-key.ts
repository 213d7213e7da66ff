/**
 * One lock per Clerk Organization, taken by everything that writes a
 * company or copies it onto its members' roles: the sync (for each of the
 * user's organizations), membership and organization webhooks, the company
 * verification and the tax data route. Where a Clerk user's lock is also
 * needed it is taken first, and organization locks in sorted order, so two
 * flows never wait on each other in a circle.
 */
export const organizationLockKey = (clerkOrganizationId: string) =>
  `role-sync:clerk-organization:${clerkOrganizationId}`

/** The sorted, de-duplicated lock keys of these organizations. */
export const organizationLockKeys = (clerkOrganizationIds: string[]) =>
  [...new Set(clerkOrganizationIds)].sort().map(organizationLockKey)
