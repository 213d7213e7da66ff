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
import type { ClerkUserSnapshot } from "../../../modules/clerk/clerk-user"
import type { AccountTypeSource } from "../../../modules/clerk/options"
import { RoleSyncEvents } from "../../../utils/events"
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
 * read, and `additional_data` for the hook.
 * Output: `{ customer_id, customer_meta, created, changed, stale }`.
 * Errors: `invalid_metadata`, `account_conflict`, `email_not_verified`
 * (codes of `RoleSyncErrorCodes`); nothing is written on any error.
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
    })

    const lockKey = transform({ input }, ({ input }) => [
      clerkUserLockKey(input.clerk_user.id),
    ])
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 30, retryInterval: 0.05 })

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

    const customerRoleSynced = createHook("customerRoleSynced", {
      customer_id: customerId,
      customer_meta: upserted.customer_meta,
      created: transform({ target }, ({ target }) => target.mode === "create"),
      changed: upserted.changed,
      additional_data: input.additional_data,
    })

    releaseLockStep({ key: lockKey })

    const result = transform(
      { upserted, target, customerId },
      ({ upserted, target, customerId }) => ({
        customer_id: customerId,
        customer_meta: upserted.customer_meta,
        // The caller's token has no customer yet: it must refresh it.
        created: target.mode !== "bound" || target.bind_identity,
        changed: upserted.changed,
        stale: upserted.stale,
      })
    )

    return new WorkflowResponse(result, { hooks: [customerRoleSynced] })
  }
)
