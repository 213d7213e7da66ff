import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { clearCustomerRoleCacheStep } from "../../customer-meta/steps/clear-customer-role-cache"
import { emitCompanyEventsStep } from "../steps/emit-company-events"
import { reconcileCompanyGroupsStep } from "../steps/reconcile-company-groups"
import { removeCompanyStep } from "../steps/remove-company"
import { companyEventMessages } from "../utils/company-events"
import { organizationLockKey } from "../utils/company-lock-key"

export type DeleteOrganizationWorkflowInput = { clerk_organization_id: string }

export const deleteOrganizationWorkflowId = "role-sync-delete-organization"

/**
 * `organization.deleted` (DESIGN §10 rule 7), under the organization's
 * lock: the company and its memberships are soft-deleted (its quotes,
 * orders and customer group stay), former members move to another of their
 * companies or to none, leave the company's group (and the verified-
 * business group unless still verified otherwise), and their role caches
 * are cleared. A replay finds nothing and changes nothing. Emits
 * `company.member_removed` for each member.
 * Output: `{ company_id, removed, customer_ids, group_plans }`.
 */
export const deleteOrganizationWorkflow = createWorkflow(
  deleteOrganizationWorkflowId,
  (input: DeleteOrganizationWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => [organizationLockKey(input.clerk_organization_id)])
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60, retryInterval: 0.05 })

    const removed = removeCompanyStep({ clerk_organization_id: input.clerk_organization_id })

    when({ removed }, ({ removed }) => !!removed.company_id).then(() => {
      reconcileCompanyGroupsStep(
        transform({ removed }, ({ removed }) => ({ plans: removed.group_plans }))
      )
      clearCustomerRoleCacheStep(
        transform({ removed }, ({ removed }) => ({ customer_ids: removed.customer_ids }))
      )
      emitCompanyEventsStep(
        transform({ removed }, ({ removed }) => ({
          messages: companyEventMessages({ removed: removed.removed }),
        }))
      )
    })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(removed)
  }
)
