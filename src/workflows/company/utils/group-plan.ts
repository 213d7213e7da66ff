import type { CustomerGroupPlan } from "../steps/reconcile-company-groups"
import type { LiveMembership } from "./live-memberships"

/**
 * The company groups a customer belongs in: the active company's own group
 * while that company is verified, none of their other companies' groups
 * (prices follow the company they buy for), and not the groups of
 * companies they left.
 */
export function companyGroupPlan(
  customerId: string,
  active: Pick<LiveMembership, "company_verified" | "customer_group_id"> | null,
  otherGroupIds: (string | null | undefined)[]
): CustomerGroupPlan {
  const join =
    active?.company_verified && active.customer_group_id ? [active.customer_group_id] : []
  const leave = [...new Set(otherGroupIds.filter((id): id is string => !!id))].filter(
    (id) => !join.includes(id)
  )
  return { customer_id: customerId, join, leave }
}
