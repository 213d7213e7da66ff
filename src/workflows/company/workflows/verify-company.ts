import {
  acquireLockStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { clearCustomerRoleCacheStep } from "../../customer-meta/steps/clear-customer-role-cache"
import { emitCompanyEventsStep } from "../steps/emit-company-events"
import { loadCompanyStep } from "../steps/load-company"
import { propagateCompanyToMembersStep } from "../steps/propagate-company-to-members"
import { reconcileCompanyGroupsStep } from "../steps/reconcile-company-groups"
import { setCompanyVerificationStep } from "../steps/set-company-verification"
import { companyEventMessages } from "../utils/company-events"
import { organizationLockKey } from "../utils/company-lock-key"

export type VerifyCompanyWorkflowInput = {
  company_id: string
  verified: boolean
  /** The admin user who decides. */
  actor_id: string
  /** The company's `updated_at` the admin reviewed (ISO); stale → `version_conflict`. */
  expected_updated_at?: string | null
  /** Passed to the `companyVerified` hook for host customizations. */
  additional_data?: Record<string, unknown>
}

export const verifyCompanyWorkflowId = "role-sync-verify-company"

/**
 * An admin verifies (or unverifies) a company (DESIGN §10 rule 4), under
 * the lock of its Clerk Organization: the company's verification is set,
 * copied onto the roles of the members whose active company it is, and
 * those members join (or leave) the verified-business group and the
 * company's own group, so a price list on that group gives them the
 * company's prices on their next request (their role caches are cleared).
 * Emits `company.verified` / `company.unverified` with `{ id }`.
 *
 * Output: `{ company, changed }`. Errors: NOT_FOUND; `version_conflict`
 * when `expected_updated_at` is stale (nothing written). Hook
 * `companyVerified({ company, verified, changed, additional_data })` runs
 * under the lock after the writes; a throw in it rolls everything back.
 */
export const verifyCompanyWorkflow = createWorkflow(
  verifyCompanyWorkflowId,
  (input: VerifyCompanyWorkflowInput) => {
    const loaded = loadCompanyStep({ company_id: input.company_id })

    const lockKey = transform({ loaded }, ({ loaded }) => [
      organizationLockKey(loaded.clerk_organization_id),
    ])
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60, retryInterval: 0.05 })

    const result = setCompanyVerificationStep({
      company_id: input.company_id,
      verified: input.verified,
      actor_id: input.actor_id,
      expected_updated_at: input.expected_updated_at,
    })

    when({ result }, ({ result }) => result.changed).then(() => {
      const propagated = propagateCompanyToMembersStep({ company_ids: [input.company_id] })
      reconcileCompanyGroupsStep(
        transform({ propagated }, ({ propagated }) => ({ plans: propagated.group_plans }))
      )
      clearCustomerRoleCacheStep(
        transform({ propagated }, ({ propagated }) => ({ customer_ids: propagated.customer_ids }))
      )
      emitCompanyEventsStep(
        transform({ result }, ({ result }) => ({
          messages: companyEventMessages(
            result.company.is_verified
              ? { verified: [result.company.id] }
              : { unverified: [result.company.id] }
          ),
        }))
      )
    })

    const companyVerified = createHook("companyVerified", {
      company: result.company,
      verified: input.verified,
      changed: result.changed,
      additional_data: input.additional_data,
    })

    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(result, { hooks: [companyVerified] })
  }
)
