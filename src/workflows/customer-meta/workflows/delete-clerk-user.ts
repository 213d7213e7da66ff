import {
  acquireLockStep,
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
import { RoleSyncEvents } from "../../../utils/events"
import { emitCompanyEventsStep } from "../../company/steps/emit-company-events"
import { endUserMembershipsStep } from "../../company/steps/end-user-memberships"
import { companyEventMessages } from "../../company/utils/company-events"
import { clearCustomerRoleCacheStep } from "../steps/clear-customer-role-cache"
import { endCustomerGroupMembershipsStep } from "../steps/end-customer-group-memberships"
import { loadClerkUserBindingStep } from "../steps/load-clerk-user-binding"
import { markClerkUserDeletedStep } from "../steps/mark-clerk-user-deleted"
import { releaseCustomerAccountStep } from "../steps/release-customer-account"
import { setAuthIdentityCustomerStep } from "../steps/set-auth-identity-customer"
import { softDeleteCustomerMetaStep } from "../steps/soft-delete-customer-meta"
import { clerkUserLockKey } from "./sync-customer-role"

export type DeleteClerkUserWorkflowInput = {
  clerk_user_id: string
  /** Passed to the `clerkUserDeleted` hook for host customizations. */
  additional_data?: Record<string, unknown>
}

export type DeleteClerkUserWorkflowOutput = {
  /** Something tied this Clerk user to a customer (false: only the tombstone was written). */
  found: boolean
  customer_id: string | null
  customer_meta_id: string | null
  /** The auth identity that no longer acts as the customer. */
  unbound_auth_identity_id: string | null
  /** The customer was a verified business (`customer_meta.unverified` emitted). */
  was_verified: boolean
  /** The customer became a guest (false: it was one already, or there is none). */
  became_guest: boolean
  /** Another guest had the same email, so this one was left without it. */
  email_cleared: boolean
  /** The customer groups the customer left. */
  left_customer_group_ids: string[]
  /** When the Clerk user was deleted (ISO): the tombstone's time. */
  deleted_at: string
}

export const deleteClerkUserWorkflowId = "role-sync-delete-clerk-user"

/**
 * A Clerk user was deleted (`user.deleted` webhook; DESIGN §8 rule 3). Under
 * the same per-user lock as the sync:
 * - soft-deletes its `customer_meta` (guards deny, Query no longer returns it);
 * - ends the customer's memberships: every customer group (the verified-
 *   business group and companies' groups included) and every company
 *   membership (`company.member_removed` for each);
 * - makes the customer a guest (`has_account: false`) that keeps its orders
 *   and addresses, so the address can sign up again and a verified email
 *   reuses the guest (see `releaseCustomerAccountStep` for an email another
 *   guest already has);
 * - unbinds the auth identity (`app_metadata.customer_id` → null) and writes
 *   the tombstone (`markClerkUserDeletedStep`): every later event, token
 *   exchange or sync for this Clerk user id is refused;
 * - clears the role cache, emits `customer.updated` for the customer that
 *   became a guest, and `customer_meta.unverified` when it was a verified
 *   business.
 * A replay finds nothing left to do and changes nothing.
 *
 * Output: see `DeleteClerkUserWorkflowOutput`. Every write has a
 * compensation: a failure (the hook included) restores the role, the
 * groups, the account, the binding and removes the tombstone.
 *
 * Hook `clerkUserDeleted({ clerk_user_id, customer_id, customer_meta_id,
 * additional_data })` runs under the lock after every write; a throw in it
 * rolls the deletion back (Clerk then retries the delivery).
 */
export const deleteClerkUserWorkflow = createWorkflow(
  deleteClerkUserWorkflowId,
  (input: DeleteClerkUserWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => [
      clerkUserLockKey(input.clerk_user_id),
    ])
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 30, retryInterval: 0.05 })

    const binding = loadClerkUserBindingStep({ clerk_user_id: input.clerk_user_id })

    when({ binding }, ({ binding }) => !!binding.customer_meta).then(() => {
      softDeleteCustomerMetaStep(
        transform({ binding }, ({ binding }) => ({
          id: binding.customer_meta!.id,
        }))
      )
    })

    // Memberships end: groups (companies' groups included), then companies.
    const leftGroups = when({ binding }, ({ binding }) => !!binding.customer_id).then(() =>
      endCustomerGroupMembershipsStep(
        transform({ binding }, ({ binding }) => ({
          customer_id: binding.customer_id as string,
        }))
      )
    )
    const endedCompanies = endUserMembershipsStep({ clerk_user_id: input.clerk_user_id })
    when({ endedCompanies }, ({ endedCompanies }) => endedCompanies.removed.length > 0).then(() => {
      emitCompanyEventsStep(
        transform({ endedCompanies }, ({ endedCompanies }) => ({
          messages: companyEventMessages({ removed: endedCompanies.removed }),
        }))
      )
    })

    const released = when({ binding }, ({ binding }) => !!binding.customer_id).then(() =>
      releaseCustomerAccountStep(
        transform({ binding }, ({ binding }) => ({
          customer_id: binding.customer_id as string,
        }))
      )
    )

    when({ binding }, ({ binding }) => !!binding.bound_auth_identity_id).then(() => {
      setAuthIdentityCustomerStep(
        transform({ binding }, ({ binding }) => ({
          auth_identity_id: binding.bound_auth_identity_id as string,
          customer_id: null,
        }))
      )
    })

    const tombstone = markClerkUserDeletedStep({ clerk_user_id: input.clerk_user_id })

    const customerIds = transform({ binding }, ({ binding }) => [
      ...new Set(
        [binding.customer_meta?.customer_id, binding.bound_customer_id].filter(
          (id): id is string => !!id
        )
      ),
    ])
    when({ customerIds }, ({ customerIds }) => customerIds.length > 0).then(() => {
      clearCustomerRoleCacheStep({ customer_ids: customerIds })
    })

    when({ released }, ({ released }) => !!released?.released).then(() => {
      emitEventStep({
        eventName: CustomerWorkflowEvents.UPDATED,
        data: transform({ binding }, ({ binding }) => ({ id: binding.customer_id })),
      }).config({ name: "role-sync-emit-customer-updated-on-delete" })
    })

    when(
      { binding },
      ({ binding }) => !!binding.customer_meta?.is_verified
    ).then(() => {
      emitEventStep({
        eventName: RoleSyncEvents.CUSTOMER_META_UNVERIFIED,
        data: transform({ binding }, ({ binding }) => ({
          id: binding.customer_meta!.id,
          customer_id: binding.customer_meta!.customer_id,
        })),
      }).config({ name: "role-sync-emit-unverified-on-delete" })
    })

    const clerkUserDeleted = createHook("clerkUserDeleted", {
      clerk_user_id: input.clerk_user_id,
      customer_id: transform({ binding }, ({ binding }) => binding.customer_id),
      customer_meta_id: transform(
        { binding },
        ({ binding }) => binding.customer_meta?.id ?? null
      ),
      additional_data: input.additional_data,
    })

    releaseLockStep({ key: lockKey })

    const result = transform(
      { binding, released, leftGroups, tombstone },
      ({ binding, released, leftGroups, tombstone }): DeleteClerkUserWorkflowOutput => ({
        found: !!binding.customer_meta || !!binding.bound_auth_identity_id,
        customer_id:
          binding.customer_id ?? binding.customer_meta?.customer_id ?? binding.bound_customer_id,
        customer_meta_id: binding.customer_meta?.id ?? null,
        unbound_auth_identity_id: binding.bound_auth_identity_id,
        was_verified: !!binding.customer_meta?.is_verified,
        became_guest: !!released?.released,
        email_cleared: !!released?.email_cleared,
        left_customer_group_ids: leftGroups?.customer_group_ids ?? [],
        deleted_at: tombstone.deleted_at,
      })
    )

    return new WorkflowResponse(result, { hooks: [clerkUserDeleted] })
  }
)
