import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
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
import { updateCompanyTaxDataStep } from "../steps/update-company-tax-data"
import { organizationLockKey } from "../utils/company-lock-key"
import { companyEventMessages } from "../utils/company-events"
import type { CompanyTaxDataInput } from "../utils/company-tax-data"

export type UpdateCompanyTaxDataWorkflowInput = CompanyTaxDataInput & {
  company_id: string
}

export const updateCompanyTaxDataWorkflowId = "role-sync-update-company-tax-data"

/**
 * A company admin sets the company's tax ID and country
 * (`POST /store/companies/me`). Under the organization's lock; a change of
 * a verified company's tax data resets its verification, which reaches its
 * members at once (role copies, groups, caches) and emits
 * `company.unverified`.
 *
 * Output: `{ company, changed, verification_reset }`. Errors:
 * `invalid_metadata` (422 naming the field), NOT_FOUND.
 */
export const updateCompanyTaxDataWorkflow = createWorkflow(
  updateCompanyTaxDataWorkflowId,
  (input: UpdateCompanyTaxDataWorkflowInput) => {
    const loaded = loadCompanyStep({ company_id: input.company_id })
    const lockKey = transform({ loaded }, ({ loaded }) => [
      organizationLockKey(loaded.clerk_organization_id),
    ])
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60, retryInterval: 0.05 })

    const result = updateCompanyTaxDataStep(input)

    when({ result }, ({ result }) => result.verification_reset).then(() => {
      const propagated = propagateCompanyToMembersStep({ company_ids: [input.company_id] })
      reconcileCompanyGroupsStep(
        transform({ propagated }, ({ propagated }) => ({ plans: propagated.group_plans }))
      )
      clearCustomerRoleCacheStep(
        transform({ propagated }, ({ propagated }) => ({ customer_ids: propagated.customer_ids }))
      )
      emitCompanyEventsStep(
        transform({ result }, ({ result }) => ({
          messages: companyEventMessages({ unverified: [result.company.id] }),
        }))
      )
    })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(result)
  }
)
