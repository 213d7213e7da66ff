import {
  acquireLockStep,
  createCustomersStep,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
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
import type { CustomerMetaDTO } from "../../../modules/customer-meta/types"
import type { StoreSyncRoleCompanies } from "../../../types/company"
import { effectiveCustomerRole } from "../../../types/customer-meta"
import { RoleSyncEvents } from "../../../utils/events"
import { acquireOrganizationLocksStep } from "../../company/steps/acquire-organization-locks"
import { applyCompanyMembershipsStep } from "../../company/steps/apply-company-memberships"
import { emitCompanyEventsStep } from "../../company/steps/emit-company-events"
import { propagateCompanyToMembersStep } from "../../company/steps/propagate-company-to-members"
import { reconcileCompanyGroupsStep } from "../../company/steps/reconcile-company-groups"
import { setActiveCompanyStep } from "../../company/steps/set-active-company"
import { validateOrganizationChoiceStep } from "../../company/steps/validate-organization-choice"
import { companyEventMessages } from "../../company/utils/company-events"
import { organizationLockKeys } from "../../company/utils/company-lock-key"
import { companySummaries } from "../../company/utils/company-summary"
import { companyGroupPlan } from "../../company/utils/group-plan"
import { lockOwnerId } from "../../company/utils/lock-owner"
import { applyClerkProfileToCustomerStep } from "../steps/apply-clerk-profile-to-customer"
import { assertClerkUserNotDeletedStep } from "../steps/assert-clerk-user-not-deleted"
import { clearCustomerRoleCacheStep } from "../steps/clear-customer-role-cache"
import { reconcileVerifiedBusinessGroupStep } from "../steps/reconcile-verified-business-group"
import { resolveSyncTargetStep } from "../steps/resolve-sync-target"
import { setAuthIdentityCustomerStep } from "../steps/set-auth-identity-customer"
import { upsertCustomerMetaStep } from "../steps/upsert-customer-meta"
import { validateClerkProfileStep } from "../steps/validate-clerk-profile"
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

export type SyncCustomerRoleWorkflowOutput = {
  customer_id: string
  customer_meta: CustomerMetaDTO
  /** The caller's token has no customer yet: refresh it. */
  created: boolean
  /** The role (`customer_meta`) changed. */
  changed: boolean
  /** The customer's email, names or registration changed. */
  customer_changed: boolean
  /** Older Clerk data than already applied: nothing was changed. */
  stale: boolean
} & Partial<StoreSyncRoleCompanies>

export const syncCustomerRoleWorkflowId = "role-sync-sync-customer-role"

/** One lock per Clerk user, shared by sync, verification and webhooks. */
export const clerkUserLockKey = (clerkUserId: string) =>
  `role-sync:clerk-user:${clerkUserId}`

/**
 * Maps a Clerk user onto one Medusa customer plus its `customer_meta`
 * (DESIGN §4, §5, §8). Idempotent, and serialized per Clerk user by a lock
 * (the unique indexes are the backstop), so many tabs or instances end with
 * one customer.
 *
 * 1. checks the Clerk data (role claims and profile text), before the lock;
 * 2. under the lock: refuses a deleted (tombstoned) Clerk user; finds the
 *    customer (bound, a reusable guest with the verified email, or new);
 * 3. binds the caller's identity to it (a binding to a customer that no
 *    longer exists heals), upserts the role, makes the customer follow
 *    Clerk's verified email and names, reconciles the verified-business
 *    group, clears the role cache and emits events;
 * 4. with the user's organization memberships (DESIGN §10), under the locks
 *    of the user's organizations too: companies and memberships follow
 *    Clerk, the active company is copied onto the role row (one read for
 *    guards), and the customer is in the company's group while the company
 *    is verified.
 * Every write has a compensation: a failure at any step (a hook included)
 * leaves nothing behind, the identity binding included (§8 rule 4).
 *
 * Input: the Clerk user (read server-side or from a signed webhook), the
 * caller's auth identity (absent for webhooks), where the account type is
 * read, the user's organization memberships and chosen organization (the
 * sync route reads them with the user), and `additional_data` for the hook.
 * Output: `{ customer_id, customer_meta, created, changed, customer_changed,
 * stale, company?, companies? }` (`company`, `companies` when memberships
 * were given: the active company or null, and all of them).
 * Errors (codes of `RoleSyncErrorCodes`, Medusa types so a host's route
 * answers 4xx): `invalid_metadata` (naming the field), `account_conflict`
 * (another registered customer has the email), `email_not_verified`,
 * `clerk_user_deleted`; FORBIDDEN for an `organization_id` the user is not
 * a member of.
 *
 * Hook `customerRoleSynced({ customer_id, customer_meta, created, changed,
 * additional_data })` runs under the lock after every write; a throw in it
 * rolls the whole sync back.
 */
export const syncCustomerRoleWorkflow = createWorkflow(
  syncCustomerRoleWorkflowId,
  (input: SyncCustomerRoleWorkflowInput) => {
    const claims = validateRoleClaimsStep({
      clerk_user: input.clerk_user,
      account_type_source: input.account_type_source,
      is_company_member: transform({ input }, ({ input }) => (input.memberships ?? []).length > 0),
    })
    const profile = validateClerkProfileStep({ clerk_user: input.clerk_user })
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

    assertClerkUserNotDeletedStep({ clerk_user_id: input.clerk_user.id })

    // Then the user's organizations, one by one in sorted order (DESIGN §10:
    // one company per organization, however many members sign in at once).
    const organizationLocks = transform({ input }, ({ input }) =>
      organizationLockKeys((input.memberships ?? []).map((m) => m.organization.id))
    )
    const lockOwner = transform({ input }, lockOwnerId)
    acquireOrganizationLocksStep({ keys: organizationLocks, owner_id: lockOwner, timeout: 30, ttl: 30 })

    const target = resolveSyncTargetStep(
      transform({ input, profile }, ({ input, profile }) => ({
        clerk_user_id: input.clerk_user.id,
        auth_identity_id: input.auth_identity_id ?? null,
        email: profile.email,
        email_verified: profile.email_verified,
      }))
    )

    const createdCustomers = when({ target }, ({ target }) => target.mode === "create").then(
      () =>
        createCustomersStep(
          transform({ profile }, ({ profile }) => [
            {
              email: profile.email ?? undefined,
              first_name: profile.first_name ?? undefined,
              last_name: profile.last_name ?? undefined,
              has_account: true,
            },
          ])
        )
    )

    const customerId = transform(
      { target, createdCustomers },
      ({ target, createdCustomers }) =>
        (target.customer_id ?? createdCustomers?.[0]?.id) as string
    )

    when(
      { target, input },
      ({ target, input }) => target.bind_identity && !!input.auth_identity_id
    ).then(() =>
      setAuthIdentityCustomerStep(
        transform({ input, customerId }, ({ input, customerId }) => ({
          auth_identity_id: input.auth_identity_id as string,
          customer_id: customerId,
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

    // After the upsert, which tells stale data (a late webhook) apart.
    const customerUpdate = applyClerkProfileToCustomerStep(
      transform({ customerId, profile, upserted }, ({ customerId, profile, upserted }) => ({
        customer_id: customerId,
        profile,
        follow_profile: !upserted.stale,
      }))
    )
    when(
      { customerUpdate, target },
      ({ customerUpdate, target }) => customerUpdate.changed && target.mode !== "create"
    ).then(() =>
      emitEventStep({
        eventName: CustomerWorkflowEvents.UPDATED,
        data: transform({ customerId }, ({ customerId }) => ({ id: customerId })),
      }).config({ name: "role-sync-emit-customer-updated" })
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

    // DESIGN §11.3: VIES is asked in the background, from this event.
    when({ upserted }, ({ upserted }) => upserted.tax_id_changed).then(() =>
      emitEventStep({
        eventName: RoleSyncEvents.CUSTOMER_META_TAX_ID_CHANGED,
        data: transform({ upserted }, ({ upserted }) => ({
          id: upserted.customer_meta.id,
          customer_id: upserted.customer_meta.customer_id,
        })),
      }).config({ name: "role-sync-emit-tax-id-changed" })
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
      { upserted, target, customerId, customerUpdate, finalMeta, companies },
      ({ upserted, target, customerId, customerUpdate, finalMeta, companies }): SyncCustomerRoleWorkflowOutput => ({
        customer_id: customerId,
        customer_meta: finalMeta,
        created: target.mode !== "bound" || target.bind_identity,
        changed: upserted.changed || !!companies?.changed,
        customer_changed: customerUpdate.changed,
        stale: upserted.stale,
        ...(companies ? companySummaries(companies.memberships, companies.active) : {}),
      })
    )

    return new WorkflowResponse(result, { hooks: [customerRoleSynced] })
  }
)
