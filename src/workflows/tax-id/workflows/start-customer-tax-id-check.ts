import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { RoleSyncEvents } from "../../../utils/events"
import { clerkUserLockKey } from "../../customer-meta/workflows/sync-customer-role"
import { createCustomerTaxIdCheckStep } from "../steps/create-customer-tax-id-check"
import { loadCustomerMetaForTaxIdCheckStep } from "../steps/load-customer-meta-for-tax-id-check"

export type StartCustomerTaxIdCheckWorkflowInput = {
  /** The customer (admin "check again") or its role (the tax_id_changed event). */
  customer_id?: string | null
  customer_meta_id?: string | null
  /** "Check again": a new check even for a number already checked; 400 when VIES is off or cannot check it. */
  force?: boolean
  /** "system" or the admin user id. */
  requested_by: string
}

export const startCustomerTaxIdCheckWorkflowId = "role-sync-start-customer-tax-id-check"

/**
 * Starts a VIES check of a customer's EU VAT number (DESIGN §11.3): under
 * the per-Clerk-user lock that the sync and verification take, creates the
 * check and marks the role `pending`, then emits `tax_id_check.requested`
 * so a subscriber calls VIES outside any request. Output: the check (null
 * when none was needed, with `skipped` saying why) and the role.
 * Errors: 404 no role; 400 (force only) VIES off or not an EU VAT number.
 */
export const startCustomerTaxIdCheckWorkflow = createWorkflow(
  startCustomerTaxIdCheckWorkflowId,
  (input: StartCustomerTaxIdCheckWorkflowInput) => {
    const meta = loadCustomerMetaForTaxIdCheckStep({
      customer_id: input.customer_id,
      customer_meta_id: input.customer_meta_id,
    })

    const lockKey = transform({ meta }, ({ meta }) => [clerkUserLockKey(meta.clerk_user_id)])
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 30, retryInterval: 0.05 })

    const created = createCustomerTaxIdCheckStep(
      transform({ meta, input }, ({ meta, input }) => ({
        customer_meta_id: meta.id,
        force: !!input.force,
        requested_by: input.requested_by,
      }))
    )

    when({ created }, ({ created }) => !!created.check).then(() =>
      emitEventStep({
        eventName: RoleSyncEvents.TAX_ID_CHECK_REQUESTED,
        data: transform({ created }, ({ created }) => ({
          id: created.check!.id,
          owner_type: created.check!.owner_type,
          owner_id: created.check!.owner_id,
        })),
      }).config({ name: "role-sync-emit-tax-id-check-requested" })
    )

    releaseLockStep({ key: lockKey })

    return new WorkflowResponse(created)
  }
)
