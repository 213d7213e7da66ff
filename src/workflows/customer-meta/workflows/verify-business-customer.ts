import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { effectiveCustomerRole } from "../../../types/customer-meta"
import { RoleSyncEvents } from "../../../utils/events"
import { clearCustomerRoleCacheStep } from "../steps/clear-customer-role-cache"
import { loadCustomerMetaForVerificationStep } from "../steps/load-customer-meta-for-verification"
import { reconcileVerifiedBusinessGroupStep } from "../steps/reconcile-verified-business-group"
import { setCustomerMetaVerificationStep } from "../steps/set-customer-meta-verification"
import { clerkUserLockKey } from "./sync-customer-role"

export type VerifyBusinessCustomerWorkflowInput = {
  customer_id: string
  verified: boolean
  /** The admin user who decides (or "vies" for an automatic verification). */
  actor_id: string
  /**
   * The `updated_at` (ISO 8601) of the customer_meta the admin reviewed;
   * checked under the lock (409 `version_conflict` when the row changed).
   */
  expected_updated_at?: string | null
  /** Passed to the `businessVerified` hook for host customizations. */
  additional_data?: Record<string, unknown>
}

export const verifyBusinessCustomerWorkflowId = "role-sync-verify-business-customer"

/**
 * An admin's verdict on a declared business: the trust anchor for anything
 * of value. Takes the same per-Clerk-user lock as the sync, so a role change
 * racing a verification can't leave a stale verified flag.
 *
 * Output: `{ customer_meta, changed }`. Errors: NOT_FOUND (no role),
 * INVALID_DATA (verifying an individual), `version_conflict` (the row
 * changed since `expected_updated_at`; `details.customer_meta` is the
 * current row, nothing is written). Hook `businessVerified({
 * customer_meta, verified, changed, additional_data })` runs under the lock
 * after the write; a throw in it rolls the verification back.
 */
export const verifyBusinessCustomerWorkflow = createWorkflow(
  verifyBusinessCustomerWorkflowId,
  (input: VerifyBusinessCustomerWorkflowInput) => {
    const meta = loadCustomerMetaForVerificationStep({
      customer_id: input.customer_id,
      verified: input.verified,
      expected_updated_at: input.expected_updated_at,
    })

    const lockKey = transform({ meta }, ({ meta }) => [clerkUserLockKey(meta.clerk_user_id)])
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 30, retryInterval: 0.05 })

    const result = setCustomerMetaVerificationStep({
      customer_id: input.customer_id,
      verified: input.verified,
      actor_id: input.actor_id,
      expected_updated_at: input.expected_updated_at,
    })

    reconcileVerifiedBusinessGroupStep(
      transform({ result }, ({ result }) => ({
        customer_id: result.customer_meta.customer_id,
        // A company member stays where its company's verification puts it.
        is_member: effectiveCustomerRole(result.customer_meta).is_verified,
      }))
    )

    when({ result }, ({ result }) => result.changed && result.customer_meta.is_verified).then(() =>
      emitEventStep({
        eventName: RoleSyncEvents.CUSTOMER_META_VERIFIED,
        data: transform({ result }, ({ result }) => ({
          id: result.customer_meta.id,
          customer_id: result.customer_meta.customer_id,
        })),
      }).config({ name: "role-sync-emit-verified" })
    )
    when({ result }, ({ result }) => result.changed && !result.customer_meta.is_verified).then(() =>
      emitEventStep({
        eventName: RoleSyncEvents.CUSTOMER_META_UNVERIFIED,
        data: transform({ result }, ({ result }) => ({
          id: result.customer_meta.id,
          customer_id: result.customer_meta.customer_id,
        })),
      }).config({ name: "role-sync-emit-unverified-by-admin" })
    )

    const businessVerified = createHook("businessVerified", {
      customer_meta: result.customer_meta,
      verified: input.verified,
      changed: result.changed,
      additional_data: input.additional_data,
    })

    clearCustomerRoleCacheStep({ customer_ids: [input.customer_id] })
    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(result, { hooks: [businessVerified] })
  }
)
