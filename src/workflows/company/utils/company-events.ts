import { RoleSyncEvents } from "../../../utils/events"
import type { MemberChange } from "../steps/apply-company-memberships"

type EventMessage = { name: string; data: Record<string, string> }

/**
 * DESIGN §10 rule 8, ids only: `company.*` carry `{ id }` (the company),
 * member events `{ id, company_id, customer_id }` (the membership).
 */
export function companyEventMessages({
  created = [],
  unverified = [],
  verified = [],
  added = [],
  updated = [],
  removed = [],
}: {
  created?: string[]
  unverified?: string[]
  verified?: string[]
  added?: MemberChange[]
  updated?: MemberChange[]
  removed?: MemberChange[]
}): EventMessage[] {
  const member = (name: string) => (change: MemberChange): EventMessage => ({
    name,
    data: { id: change.member_id, company_id: change.company_id, customer_id: change.customer_id },
  })
  return [
    ...created.map((id) => ({ name: RoleSyncEvents.COMPANY_CREATED, data: { id } })),
    ...verified.map((id) => ({ name: RoleSyncEvents.COMPANY_VERIFIED, data: { id } })),
    ...unverified.map((id) => ({ name: RoleSyncEvents.COMPANY_UNVERIFIED, data: { id } })),
    ...added.map(member(RoleSyncEvents.COMPANY_MEMBER_ADDED)),
    ...updated.map(member(RoleSyncEvents.COMPANY_MEMBER_UPDATED)),
    ...removed.map(member(RoleSyncEvents.COMPANY_MEMBER_REMOVED)),
  ]
}
