import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { ClerkMembershipSnapshot } from "../../../modules/clerk/clerk-organization"
import { effectiveCustomerRole } from "../../../types/customer-meta"
import { clearCustomerRoleCacheStep } from "../../customer-meta/steps/clear-customer-role-cache"
import { clerkUserLockKey } from "../../customer-meta/workflows/sync-customer-role"
import { acquireOrganizationLocksStep } from "../steps/acquire-organization-locks"
import { applyCompanyMembershipsStep } from "../steps/apply-company-memberships"
import { emitCompanyEventsStep } from "../steps/emit-company-events"
import { loadMemberCustomerStep } from "../steps/load-member-customer"
import { propagateCompanyToMembersStep } from "../steps/propagate-company-to-members"
import { reconcileCompanyGroupsStep } from "../steps/reconcile-company-groups"
import { setActiveCompanyStep } from "../steps/set-active-company"
import { upsertOrganizationStep } from "../steps/upsert-organization"
import { companyEventMessages } from "../utils/company-events"
import { organizationLockKey } from "../utils/company-lock-key"
import { companyGroupPlan } from "../utils/group-plan"
import { lockOwnerId } from "../utils/lock-owner"

export type ApplyOrganizationMembershipWorkflowInput = {
  membership: ClerkMembershipSnapshot
  /** `organizationMembership.deleted`: the membership ended. */
  deleted: boolean
}

export type ApplyOrganizationMembershipWorkflowOutput = {
  customer_id: string | null
  changed: boolean
  /** Why nothing was applied, if so. */
  ignored: string | null
}

export const applyOrganizationMembershipWorkflowId = "role-sync-apply-organization-membership"

/**
 * `organizationMembership.created|updated|deleted` (DESIGN §10 rule 7),
 * under the member's Clerk user lock and the organization's lock:
 * - a new or changed membership is mirrored (role mapped from Clerk; older
 *   deliveries never undo newer data, a deleted membership never comes
 *   back); the member's active company stays, or becomes this one if they
 *   had none;
 * - a deleted membership ends at once: the member leaves the company's
 *   group (and the verified-business group unless still verified through
 *   another company or as a sole trader), another of their companies (the
 *   oldest) or none becomes active, and the role cache is cleared, so the
 *   next request has neither the company's access nor its prices;
 * - for a user without a customer yet, only the company is created; the
 *   membership is recorded at their first sign-in (the sync reads Clerk).
 * Emits `company.member_added|updated|removed` (and `company.created`).
 */
export const applyOrganizationMembershipWorkflow = createWorkflow(
  applyOrganizationMembershipWorkflowId,
  (input: ApplyOrganizationMembershipWorkflowInput) => {
    const target = loadMemberCustomerStep({ clerk_user_id: input.membership.user_id })

    // The user's lock, then the organization's (the sync's order).
    const lockKey = transform({ input }, ({ input }) => [clerkUserLockKey(input.membership.user_id)])
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60, retryInterval: 0.05 })
    const organizationLocks = transform({ input }, ({ input }) => [
      organizationLockKey(input.membership.organization.id),
    ])
    const lockOwner = transform({ input }, lockOwnerId)
    acquireOrganizationLocksStep({ keys: organizationLocks, owner_id: lockOwner, timeout: 30, ttl: 60 })

    // No customer yet: the organization still becomes a company.
    const orgOnly = when(
      "role-sync-membership-of-user-without-customer",
      { target, input },
      ({ target, input }) => !target.customer_id && !target.user_deleted && !input.deleted
    ).then(() => {
      const upserted = upsertOrganizationStep({ organization: input.membership.organization })
      emitCompanyEventsStep(
        transform({ upserted }, ({ upserted }) => ({
          messages: companyEventMessages({
            created: upserted.created && upserted.company_id ? [upserted.company_id] : [],
          }),
        }))
      ).config({ name: "role-sync-emit-company-created-for-membership" })
      return upserted
    })

    const applied = when("role-sync-apply-membership-to-customer", { target }, ({ target }) => !!target.customer_id).then(() => {
      const result = applyCompanyMembershipsStep(
        transform({ input, target }, ({ input, target }) => ({
          customer_id: target.customer_id!,
          clerk_user_id: input.membership.user_id,
          upsert: input.deleted ? [] : [input.membership],
          complete_list: false,
          remove_membership_ids: input.deleted ? [input.membership.id] : [],
          read_at: null,
        }))
      )
      const propagated = propagateCompanyToMembersStep(
        transform({ result }, ({ result }) => ({ company_ids: result.renamed_company_ids }))
      )
      const active = setActiveCompanyStep(
        transform({ target, result }, ({ target, result }) => ({
          customer_id: target.customer_id!,
          memberships: result.memberships,
        }))
      )
      reconcileCompanyGroupsStep(
        transform({ target, result, active, propagated }, ({ target, result, active, propagated }) => ({
          plans: [
            ...propagated.group_plans.filter((plan) => plan.customer_id !== target.customer_id),
            {
              ...companyGroupPlan(target.customer_id!, active.active, [
                ...result.memberships.map((m) => m.customer_group_id),
                ...result.removed.map((r) => r.customer_group_id),
              ]),
              ...(active.customer_meta
                ? { verified_business: effectiveCustomerRole(active.customer_meta).is_verified }
                : {}),
            },
          ],
        }))
      )
      clearCustomerRoleCacheStep(
        transform({ target, propagated }, ({ target, propagated }) => ({
          customer_ids: [...new Set([target.customer_id!, ...propagated.customer_ids])],
        }))
      )
      emitCompanyEventsStep(
        transform({ result }, ({ result }) => ({
          messages: companyEventMessages({
            created: result.created_company_ids,
            unverified: result.verification_reset_company_ids,
            added: result.added,
            updated: result.updated,
            removed: result.removed,
          }),
        }))
      )
      return transform({ result, active }, ({ result, active }) => ({
        changed: result.changed || active.changed,
        ignored: result.ignored,
      }))
    })

    // Released in sub-workflows too: the step above always takes them.
    releaseLockStep({ key: organizationLocks, ownerId: lockOwner, executeOnSubWorkflow: true }).config({
      name: "role-sync-release-organization-lock",
    })
    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(
      transform(
        { target, applied, orgOnly, input },
        ({ target, applied, orgOnly, input }): ApplyOrganizationMembershipWorkflowOutput => ({
          customer_id: target.customer_id,
          changed: !!applied?.changed || !!orgOnly?.created || !!orgOnly?.renamed,
          ignored: target.user_deleted
            ? "the Clerk user was deleted"
            : applied?.ignored?.length
              ? applied.ignored.join("; ")
              : !target.customer_id
                ? input.deleted
                  ? "no customer is linked to this Clerk user"
                  : "the user has no customer yet; the membership is recorded at their first sign-in"
                : null,
        })
      )
    )
  }
)
