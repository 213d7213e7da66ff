import {
  acquireLockStep,
  createCustomersStep,
  emitEventStep,
  releaseLockStep,
  setAuthAppMetadataStep,
  updateCustomersStep,
} from "@medusajs/medusa/core-flows"
import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { ClerkMembershipSnapshot } from "../../../modules/clerk/clerk-organization"
import type { ClerkUserSnapshot } from "../../../modules/clerk/clerk-user"
import type { AccountTypeSource } from "../../../modules/clerk/options"
import { effectiveCustomerRole, type CustomerMetaDTO } from "../../../types/customer-meta"
import { RoleSyncEvents } from "../../../utils/events"
import { acquireOrganizationLocksStep } from "../../company/steps/acquire-organization-locks"
import { applyCompanyMembershipsStep } from "../../company/steps/apply-company-memberships"
import { emitCompanyEventsStep } from "../../company/steps/emit-company-events"
import { propagateCompanyToMembersStep } from "../../company/steps/propagate-company-to-members"
import { reconcileCompanyGroupsStep } from "../../company/steps/reconcile-company-groups"
import { setActiveCompanyStep } from "../../company/steps/set-active-company"
import { validateOrganizationChoiceStep } from "../../company/steps/validate-organization-choice"
import { companyEventMessages } from "../../company/utils/company-events"
import { companySummaries } from "../../company/utils/company-summary"
import { organizationLockKeys } from "../../company/utils/company-lock-key"
import { companyGroupPlan } from "../../company/utils/group-plan"
import { lockOwnerId } from "../../company/utils/lock-owner"
import { clearCustomerRoleCacheStep } from "../steps/clear-customer-role-cache"
import { reconcileVerifiedBusinessGroupStep } from "../steps/reconcile-verified-business-group"
import { resolveSyncTargetStep } from "../steps/resolve-sync-target"
import { upsertCustomerMetaStep } from "../steps/upsert-customer-meta"
import { validateRoleClaimsStep } from "../steps/validate-role-claims"

export type SyncCustomerRoleWorkflowInput = {
  clerk_user: ClerkUserSnapshot
  /** The caller's auth identity; absent when a webhook syncs. */
  auth_identity_id?: string | null
  account_type_source: AccountTypeSource
  /**
   * The user's organization memberships, read from Clerk's Backend API with
   * the user (DESIGN §10 rule 2). Absent (webhooks of `user.*`): companies
   * and the active company are left as they are.
   */
  memberships?: ClerkMembershipSnapshot[] | null
  /** When `memberships` were read (ms since the epoch). */
  memberships_read_at?: number | null
  /** The organization the caller chose as active company; must be one of `memberships`. */
  organization_id?: string | null
  /** Passed to the `customerRoleSynced` hook for host customizations. */
  additional_data?: Record<string, unknown>
}

export const syncCustomerRoleWorkflowId = "role-sync-sync-customer-role"

/** One lock per Clerk user, shared by sync, verification and webhooks. */
export const clerkUserLockKey = (clerkUserId: string) =>
  `role-sync:clerk-user:${clerkUserId}`

/**
 * Maps a Clerk user onto one Medusa customer plus its `customer_meta`.
 * Idempotent, and serialized per Clerk user by a lock (the unique indexes
 * are the backstop), so many tabs or instances end with one customer.
 *
 * Input: the Clerk user (read server-side or from a signed webhook), the
 * caller's auth identity (absent for webhooks), where the account type is
 * read, the user's organization memberships and chosen organization (the
 * sync route reads them with the user; see DESIGN §10), and
 * `additional_data` for the hook.
 * Output: `{ customer_id, customer_meta, created, changed, stale, company,
 * companies }` (`company`/`companies` null/[] without memberships; undefined
 * when `memberships` was not given).
 * Errors: `invalid_metadata`, `account_conflict`, `email_not_verified`
 * (codes of `RoleSyncErrorCodes`), FORBIDDEN for an `organization_id` the
 * user is not a member of; nothing is written on any error.
 *
 * With memberships, under the user's lock and the locks of the user's
 * organizations: companies and memberships follow Clerk, the active company
 * is copied onto the role row (one read for guards), and the customer joins
 * the company's group while the company is verified.
 *
 * Hook `customerRoleSynced({ customer_id, customer_meta, created, changed,
 * additional_data })` runs under the lock after the role is written; a
 * throw in it rolls the whole sync back.
 */
export const syncCustomerRoleWorkflow = createWorkflow(
  syncCustomerRoleWorkflowId,
  (input: SyncCustomerRoleWorkflowInput) => {
    const claims = validateRoleClaimsStep({
      clerk_user: input.clerk_user,
      account_type_source: input.account_type_source,
      is_company_member: transform({ input }, ({ input }) => (input.memberships ?? []).length > 0),
    })

    when({ input }, ({ input }) => !!input.memberships).then(() => {
      validateOrganizationChoiceStep({
        memberships: transform({ input }, ({ input }) => input.memberships ?? []),
        organization_id: input.organization_id,
      })
    })

    const lockKey = transform({ input }, ({ input }) => [
      clerkUserLockKey(input.clerk_user.id),
    ])
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 30, retryInterval: 0.05 })

    // Then the user's organizations, one by one in sorted order (DESIGN §10:
    // one company per organization, however many members sign in at once).
    const organizationLocks = transform({ input }, ({ input }) =>
      organizationLockKeys((input.memberships ?? []).map((m) => m.organization.id))
    )
    const lockOwner = transform({ input }, lockOwnerId)
    acquireOrganizationLocksStep({ keys: organizationLocks, owner_id: lockOwner, timeout: 30, ttl: 30 })

    const target = resolveSyncTargetStep(
      transform({ input }, ({ input }) => ({
        clerk_user_id: input.clerk_user.id,
        auth_identity_id: input.auth_identity_id ?? null,
        email: input.clerk_user.email,
        email_verified: input.clerk_user.email_verified,
      }))
    )

    const createdCustomers = when({ target }, ({ target }) => target.mode === "create").then(
      () =>
        createCustomersStep(
          transform({ input }, ({ input }) => [
            {
              email: input.clerk_user.email ?? undefined,
              first_name: input.clerk_user.first_name ?? undefined,
              last_name: input.clerk_user.last_name ?? undefined,
              has_account: true,
            },
          ])
        )
    )

    when({ target }, ({ target }) => target.mode === "reuse_guest").then(() =>
      updateCustomersStep(
        transform({ target }, ({ target }) => ({
          selector: { id: target.customer_id as string },
          // Not in core's updatable type, but a model column: the guest
          // becomes this Clerk user's registered account.
          update: { has_account: true } as Record<string, unknown>,
        }))
      )
    )

    const customerId = transform(
      { target, createdCustomers },
      ({ target, createdCustomers }) =>
        (target.customer_id ?? createdCustomers?.[0]?.id) as string
    )

    when({ target, input }, ({ target, input }) => target.bind_identity && !!input.auth_identity_id).then(() =>
      setAuthAppMetadataStep(
        transform({ input, customerId }, ({ input, customerId }) => ({
          authIdentityId: input.auth_identity_id as string,
          actorType: "customer",
          value: customerId,
        }))
      )
    )

    const upserted = upsertCustomerMetaStep(
      transform({ input, customerId, claims }, ({ input, customerId, claims }) => ({
        customer_id: customerId,
        clerk_user_id: input.clerk_user.id,
        claims,
        clerk_updated_at: input.clerk_user.updated_at,
      }))
    )

    // Companies (DESIGN §10): memberships follow Clerk, the active company
    // is copied onto the role row, company groups follow the company.
    const companies = when("role-sync-sync-companies", { input }, ({ input }) => !!input.memberships).then(() => {
      const applied = applyCompanyMembershipsStep(
        transform({ input, customerId }, ({ input, customerId }) => ({
          customer_id: customerId,
          clerk_user_id: input.clerk_user.id,
          upsert: input.memberships ?? [],
          complete_list: true,
          read_at: input.memberships_read_at ?? null,
        }))
      )
      // A rename in Clerk reaches the company's other members too.
      const propagated = propagateCompanyToMembersStep(
        transform({ applied }, ({ applied }) => ({ company_ids: applied.renamed_company_ids }))
      )
      const active = setActiveCompanyStep(
        transform({ input, customerId, applied }, ({ input, customerId, applied }) => ({
          customer_id: customerId,
          memberships: applied.memberships,
          organization_id: input.organization_id ?? null,
        }))
      )
      reconcileCompanyGroupsStep(
        transform({ customerId, applied, active, propagated }, ({ customerId, applied, active, propagated }) => ({
          plans: [
            ...propagated.group_plans.filter((plan) => plan.customer_id !== customerId),
            companyGroupPlan(customerId, active.active, [
              ...applied.memberships.map((m) => m.customer_group_id),
              ...applied.removed.map((r) => r.customer_group_id),
            ]),
          ],
        }))
      )
      emitCompanyEventsStep(
        transform({ applied }, ({ applied }) => ({
          messages: companyEventMessages({
            created: applied.created_company_ids,
            unverified: applied.verification_reset_company_ids,
            added: applied.added,
            updated: applied.updated,
            removed: applied.removed,
          }),
        }))
      )
      return transform({ applied, active, propagated }, ({ applied, active, propagated }) => ({
        customer_meta: active.customer_meta,
        active: active.active,
        memberships: applied.memberships,
        changed: applied.changed || active.changed,
        other_customer_ids: propagated.customer_ids,
      }))
    })

    // The role as it now stands, the active company included.
    const finalMeta = transform(
      { upserted, companies },
      ({ upserted, companies }): CustomerMetaDTO =>
        companies?.customer_meta ?? upserted.customer_meta
    )

    when({ upserted, companies }, ({ upserted, companies }) => upserted.changed || !!companies?.changed).then(() => {
      reconcileVerifiedBusinessGroupStep(
        transform({ finalMeta }, ({ finalMeta }) => ({
          customer_id: finalMeta.customer_id,
          // A company member is verified when its company is (DESIGN §10 rule 4).
          is_member: effectiveCustomerRole(finalMeta).is_verified,
        }))
      )
      clearCustomerRoleCacheStep(
        transform({ finalMeta, companies }, ({ finalMeta, companies }) => ({
          customer_ids: [
            ...new Set([finalMeta.customer_id, ...(companies?.other_customer_ids ?? [])]),
          ],
        }))
      )
      emitEventStep({
        eventName: RoleSyncEvents.CUSTOMER_META_SYNCED,
        data: transform({ upserted }, ({ upserted }) => ({
          id: upserted.customer_meta.id,
          customer_id: upserted.customer_meta.customer_id,
        })),
      }).config({ name: "role-sync-emit-synced" })
    })

    when({ upserted }, ({ upserted }) => upserted.verification_reset).then(() =>
      emitEventStep({
        eventName: RoleSyncEvents.CUSTOMER_META_UNVERIFIED,
        data: transform({ upserted }, ({ upserted }) => ({
          id: upserted.customer_meta.id,
          customer_id: upserted.customer_meta.customer_id,
        })),
      }).config({ name: "role-sync-emit-unverified" })
    )

    const customerRoleSynced = createHook("customerRoleSynced", {
      customer_id: customerId,
      customer_meta: finalMeta,
      created: transform({ target }, ({ target }) => target.mode === "create"),
      changed: upserted.changed,
      additional_data: input.additional_data,
    })

    // Released in sub-workflows too: the step above always takes them.
    releaseLockStep({ key: organizationLocks, ownerId: lockOwner, executeOnSubWorkflow: true }).config({
      name: "role-sync-release-organization-locks",
    })
    releaseLockStep({ key: lockKey })

    const result = transform(
      { upserted, target, customerId, finalMeta, companies },
      ({ upserted, target, customerId, finalMeta, companies }) => ({
        customer_id: customerId,
        customer_meta: finalMeta,
        // The caller's token has no customer yet: it must refresh it.
        created: target.mode !== "bound" || target.bind_identity,
        changed: upserted.changed || !!companies?.changed,
        stale: upserted.stale,
        ...(companies ? companySummaries(companies.memberships, companies.active) : {}),
      })
    )

    return new WorkflowResponse(result, { hooks: [customerRoleSynced] })
  }
)
