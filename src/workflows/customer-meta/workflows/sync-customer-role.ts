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
import type { ClerkUserSnapshot } from "../../../modules/clerk/clerk-user"
import type { AccountTypeSource } from "../../../modules/clerk/options"
import type { CustomerMetaDTO } from "../../../modules/customer-meta/types"
import { RoleSyncEvents } from "../../../utils/events"
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
}

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
 *    group, clears the role cache and emits events.
 * Every write has a compensation: a failure at any step (a hook included)
 * leaves nothing behind, the identity binding included (§8 rule 4).
 *
 * Input: the Clerk user (read server-side or from a signed webhook), the
 * caller's auth identity (absent for webhooks), where the account type is
 * read, and `additional_data` for the hook.
 * Output: `{ customer_id, customer_meta, created, changed, customer_changed,
 * stale }`.
 * Errors (codes of `RoleSyncErrorCodes`, Medusa types so a host's route
 * answers 4xx): `invalid_metadata` (naming the field), `account_conflict`
 * (another registered customer has the email), `email_not_verified`,
 * `clerk_user_deleted`.
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
    })
    const profile = validateClerkProfileStep({ clerk_user: input.clerk_user })

    const lockKey = transform({ input }, ({ input }) => [
      clerkUserLockKey(input.clerk_user.id),
    ])
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 30, retryInterval: 0.05 })

    assertClerkUserNotDeletedStep({ clerk_user_id: input.clerk_user.id })

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

    when({ upserted }, ({ upserted }) => upserted.changed).then(() => {
      reconcileVerifiedBusinessGroupStep(
        transform({ upserted }, ({ upserted }) => ({
          customer_id: upserted.customer_meta.customer_id,
          is_member:
            upserted.customer_meta.account_type === "business" &&
            upserted.customer_meta.is_verified,
        }))
      )
      clearCustomerRoleCacheStep(
        transform({ upserted }, ({ upserted }) => ({
          customer_ids: [upserted.customer_meta.customer_id],
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
      customer_meta: upserted.customer_meta,
      created: transform({ target }, ({ target }) => target.mode === "create"),
      changed: upserted.changed,
      additional_data: input.additional_data,
    })

    releaseLockStep({ key: lockKey })

    const result = transform(
      { upserted, target, customerId, customerUpdate },
      ({ upserted, target, customerId, customerUpdate }): SyncCustomerRoleWorkflowOutput => ({
        customer_id: customerId,
        customer_meta: upserted.customer_meta,
        created: target.mode !== "bound" || target.bind_identity,
        changed: upserted.changed,
        customer_changed: customerUpdate.changed,
        stale: upserted.stale,
      })
    )

    return new WorkflowResponse(result, { hooks: [customerRoleSynced] })
  }
)
