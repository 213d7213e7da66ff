import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
  setAuthAppMetadataStep,
} from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { RoleSyncEvents } from "../../../utils/events"
import { emitCompanyEventsStep } from "../../company/steps/emit-company-events"
import { endUserMembershipsStep } from "../../company/steps/end-user-memberships"
import { reconcileCompanyGroupsStep } from "../../company/steps/reconcile-company-groups"
import { companyEventMessages } from "../../company/utils/company-events"
import { clearCustomerRoleCacheStep } from "../steps/clear-customer-role-cache"
import { loadClerkUserBindingStep } from "../steps/load-clerk-user-binding"
import { reconcileVerifiedBusinessGroupStep } from "../steps/reconcile-verified-business-group"
import { softDeleteCustomerMetaStep } from "../steps/soft-delete-customer-meta"
import { clerkUserLockKey } from "./sync-customer-role"

export type DeleteClerkUserWorkflowInput = {
  clerk_user_id: string
}

export type DeleteClerkUserWorkflowOutput = {
  /** Something tied this Clerk user to Medusa (false: nothing to do). */
  found: boolean
  customer_id: string | null
  customer_meta_id: string | null
  /** The auth identity that no longer acts as the customer. */
  unbound_auth_identity_id: string | null
  /** The customer was a verified business (`customer_meta.unverified` emitted). */
  was_verified: boolean
}

export const deleteClerkUserWorkflowId = "role-sync-delete-clerk-user"

/**
 * A Clerk user was deleted (`user.deleted` webhook). Under the same per-user
 * lock as the sync:
 * - soft-deletes its `customer_meta` (the role is gone: guards deny, Query
 *   no longer returns it);
 * - removes the customer from the verified-business group;
 * - unbinds the auth identity of provider `clerk` with that user id
 *   (`app_metadata.customer_id` → null), so that identity can never act as
 *   the customer again and a token refresh yields no customer;
 * - ends the user's company memberships (out of the companies' groups);
 * - clears the role cache;
 * - emits `customer_meta.unverified` when the customer was a verified
 *   business, so subscribers mirroring the verified status drop it.
 * The customer, its addresses and orders stay: they are the store's records.
 * Unknown users are a no-op, so a replayed delivery is harmless.
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
      reconcileVerifiedBusinessGroupStep(
        transform({ binding }, ({ binding }) => ({
          customer_id: binding.customer_meta!.customer_id,
          is_member: false,
        }))
      )
    })

    // Company memberships end too (DESIGN §8 rule 3): out of the companies'
    // groups, `company.member_removed` for each.
    const ended = endUserMembershipsStep({ clerk_user_id: input.clerk_user_id })
    when({ ended }, ({ ended }) => ended.removed.length > 0).then(() => {
      reconcileCompanyGroupsStep(
        transform({ ended }, ({ ended }) => ({
          plans: [...new Set(ended.removed.map((r) => r.customer_id))].map((customer_id) => ({
            customer_id,
            leave: ended.group_ids,
          })),
        }))
      )
      emitCompanyEventsStep(
        transform({ ended }, ({ ended }) => ({
          messages: companyEventMessages({ removed: ended.removed }),
        }))
      )
    })

    when({ binding }, ({ binding }) => !!binding.bound_auth_identity_id).then(() => {
      setAuthAppMetadataStep(
        transform({ binding }, ({ binding }) => ({
          authIdentityId: binding.bound_auth_identity_id as string,
          actorType: "customer",
          value: null,
        }))
      )
    })

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

    releaseLockStep({ key: lockKey })

    const result = transform(
      { binding },
      ({ binding }): DeleteClerkUserWorkflowOutput => ({
        found: !!binding.customer_meta || !!binding.bound_auth_identity_id,
        customer_id:
          binding.customer_meta?.customer_id ?? binding.bound_customer_id ?? null,
        customer_meta_id: binding.customer_meta?.id ?? null,
        unbound_auth_identity_id: binding.bound_auth_identity_id,
        was_verified: !!binding.customer_meta?.is_verified,
      })
    )

    return new WorkflowResponse(result)
  }
)
