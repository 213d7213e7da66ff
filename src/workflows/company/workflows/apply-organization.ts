import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { ClerkOrganizationSnapshot } from "../../../modules/clerk/clerk-organization"
import { clearCustomerRoleCacheStep } from "../../customer-meta/steps/clear-customer-role-cache"
import { emitCompanyEventsStep } from "../steps/emit-company-events"
import { propagateCompanyToMembersStep } from "../steps/propagate-company-to-members"
import { reconcileCompanyGroupsStep } from "../steps/reconcile-company-groups"
import { upsertOrganizationStep } from "../steps/upsert-organization"
import { companyEventMessages } from "../utils/company-events"
import { organizationLockKey } from "../utils/company-lock-key"

export type ApplyOrganizationWorkflowInput = { organization: ClerkOrganizationSnapshot }

export const applyOrganizationWorkflowId = "role-sync-apply-organization"

/**
 * `organization.created|updated` (DESIGN §10 rule 7), under the
 * organization's lock: the company is created (with its customer group) or
 * renamed when the data is newer than what was applied. A rename reaches
 * the members whose active company it is and resets a verified company
 * (they leave its group and the verified-business group at once).
 * Output: `{ company_id, created, renamed, verification_reset }`
 * (`company_id` null for a deleted organization).
 */
export const applyOrganizationWorkflow = createWorkflow(
  applyOrganizationWorkflowId,
  (input: ApplyOrganizationWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => [organizationLockKey(input.organization.id)])
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60, retryInterval: 0.05 })

    const upserted = upsertOrganizationStep({ organization: input.organization })

    when({ upserted }, ({ upserted }) => upserted.renamed).then(() => {
      const propagated = propagateCompanyToMembersStep(
        transform({ upserted }, ({ upserted }) => ({ company_ids: [upserted.company_id!] }))
      )
      reconcileCompanyGroupsStep(
        transform({ propagated }, ({ propagated }) => ({ plans: propagated.group_plans }))
      )
      clearCustomerRoleCacheStep(
        transform({ propagated }, ({ propagated }) => ({ customer_ids: propagated.customer_ids }))
      )
    })

    emitCompanyEventsStep(
      transform({ upserted }, ({ upserted }) => ({
        messages: companyEventMessages({
          created: upserted.created && upserted.company_id ? [upserted.company_id] : [],
          unverified: upserted.verification_reset && upserted.company_id ? [upserted.company_id] : [],
        }),
      }))
    )

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(upserted)
  }
)
