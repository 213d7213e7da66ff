import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { RoleSyncEvents } from "../../../utils/events"
import { clearCustomerRoleCacheStep } from "../../customer-meta/steps/clear-customer-role-cache"
import { reconcileVerifiedBusinessGroupStep } from "../../customer-meta/steps/reconcile-verified-business-group"
import { setCustomerMetaVerificationStep } from "../../customer-meta/steps/set-customer-meta-verification"
import { clerkUserLockKey } from "../../customer-meta/workflows/sync-customer-role"
import { applyTaxIdCheckToCustomerMetaStep } from "../steps/apply-tax-id-check-to-customer-meta"
import { loadTaxIdCheckCustomerMetaStep } from "../steps/load-tax-id-check-customer-meta"

/** `verified_by` of a verification made by autoVerify. */
export const VIES_VERIFIER = "vies"

export const applyTaxIdCheckToCustomerMetaWorkflowId =
  "role-sync-apply-tax-id-check-to-customer-meta"

/**
 * Carries a recorded check onto the customer's role (DESIGN §11.3-4), under
 * the per-Clerk-user lock the sync and the admin's verification take:
 * - the role's `tax_id_status` / `tax_id_checked_at` follow its current
 *   check (a late answer for an older check or number is ignored);
 * - autoVerify "vies_name_match": VIES valid and the registered name
 *   matches the company name → verified by "vies" with the verification
 *   workflow's own steps (record, Verified businesses group, role cache,
 *   `customer_meta.verified`);
 * - invalid on a verified business: flagged, `tax_id.invalid` emitted, never
 *   unverified; an outage (pending) changes no verification at all;
 * - `tax_id_check.completed` when VIES answered.
 */
export const applyTaxIdCheckToCustomerMetaWorkflow = createWorkflow(
  applyTaxIdCheckToCustomerMetaWorkflowId,
  (input: { check_id: string }) => {
    const loaded = loadTaxIdCheckCustomerMetaStep({ check_id: input.check_id })
    const lockKey = transform({ loaded, input }, ({ loaded, input }) => [
      loaded.customer_meta
        ? clerkUserLockKey(loaded.customer_meta.clerk_user_id)
        : `role-sync:tax-id-check:${input.check_id}`,
    ])
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 30, retryInterval: 0.05 })

    const applied = applyTaxIdCheckToCustomerMetaStep({ check_id: input.check_id })

    const verification = when({ applied }, ({ applied }) => applied.auto_verify).then(() => {
      const result = setCustomerMetaVerificationStep(
        transform({ applied }, ({ applied }) => ({
          customer_id: applied.customer_meta!.customer_id,
          verified: true,
          actor_id: VIES_VERIFIER,
        }))
      )
      reconcileVerifiedBusinessGroupStep(
        transform({ result }, ({ result }) => ({
          customer_id: result.customer_meta.customer_id,
          is_member:
            result.customer_meta.account_type === "business" && result.customer_meta.is_verified,
        }))
      )
      clearCustomerRoleCacheStep(
        transform({ result }, ({ result }) => ({ customer_ids: [result.customer_meta.customer_id] }))
      )
      emitEventStep({
        eventName: RoleSyncEvents.CUSTOMER_META_VERIFIED,
        data: transform({ result }, ({ result }) => ({
          id: result.customer_meta.id,
          customer_id: result.customer_meta.customer_id,
        })),
      }).config({ name: "role-sync-emit-verified-by-vies" })
      return result
    })

    when({ applied }, ({ applied }) => applied.newly_flagged).then(() =>
      emitEventStep({
        eventName: RoleSyncEvents.TAX_ID_INVALID,
        data: transform({ applied }, ({ applied }) => ({
          id: applied.customer_meta!.id,
          customer_id: applied.customer_meta!.customer_id,
          tax_id_check_id: applied.check.id,
        })),
      }).config({ name: "role-sync-emit-tax-id-invalid" })
    )

    when(
      { applied },
      ({ applied }) => applied.applied && applied.check.status !== "pending"
    ).then(() =>
      emitEventStep({
        eventName: RoleSyncEvents.TAX_ID_CHECK_COMPLETED,
        data: transform({ applied }, ({ applied }) => ({
          id: applied.check.id,
          owner_type: applied.check.owner_type,
          owner_id: applied.check.owner_id,
        })),
      }).config({ name: "role-sync-emit-tax-id-check-completed" })
    )

    releaseLockStep({ key: lockKey })

    const result = transform({ applied, verification }, ({ applied, verification }) => ({
      applied: applied.applied,
      customer_meta: verification?.customer_meta ?? applied.customer_meta,
      check: applied.check,
      auto_verified: !!verification?.changed,
      flagged: applied.newly_flagged,
    }))
    return new WorkflowResponse(result)
  }
)
