import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import type { CustomerMetaDTO } from "../../../modules/customer-meta/types"
import { clearCustomerRoleCache } from "../../../utils/customer-role-cache"
import { assertReviewedVersion } from "../utils/assert-reviewed-version"
import { assertVerifiable } from "./load-customer-meta-for-verification"

export type SetCustomerMetaVerificationStepInput = {
  customer_id: string
  verified: boolean
  /** The admin user id. */
  actor_id: string
  /**
   * The `updated_at` (ISO 8601) of the customer_meta the admin reviewed.
   * Omitted: no check (a caller that decides on the current row anyway).
   */
  expected_updated_at?: string | null
}

type Compensation = Pick<
  CustomerMetaDTO,
  "id" | "customer_id" | "is_verified" | "verified_at" | "verified_by"
> | null

/**
 * Records a verification (when and by whom) or clears it. Re-reads under the
 * caller's lock, so a sync that changed the role meanwhile is respected:
 * with `expected_updated_at`, a row changed since the admin reviewed it
 * fails with `version_conflict` (DESIGN §9.4) and nothing is written.
 */
export const setCustomerMetaVerificationStepId = "role-sync-set-customer-meta-verification"

export const setCustomerMetaVerificationStep = createStep(
  setCustomerMetaVerificationStepId,
  async (input: SetCustomerMetaVerificationStepInput, { container }) => {
    const service: CustomerMetaModuleService =
      container.resolve(CUSTOMER_META_MODULE)
    const meta = await service.retrieveByCustomerId(input.customer_id)
    // Checked again under the lock: a sync may have changed the role since
    // (a row that changed answers with its new data, even if it is now an
    // individual's).
    if (meta) {
      assertReviewedVersion(meta, input.expected_updated_at)
    }
    assertVerifiable(meta, input)
    if (meta.is_verified === input.verified) {
      return new StepResponse({ customer_meta: meta, changed: false }, null as Compensation)
    }
    const updated = (await service.updateCustomerMetas({
      id: meta.id,
      is_verified: input.verified,
      verified_at: input.verified ? new Date() : null,
      verified_by: input.verified ? input.actor_id : null,
    })) as CustomerMetaDTO
    return new StepResponse({ customer_meta: updated, changed: true }, {
      id: meta.id,
      customer_id: meta.customer_id,
      is_verified: meta.is_verified,
      verified_at: meta.verified_at,
      verified_by: meta.verified_by,
    } as Compensation)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: CustomerMetaModuleService =
      container.resolve(CUSTOMER_META_MODULE)
    await service.updateCustomerMetas({
      id: previous.id,
      is_verified: previous.is_verified,
      verified_at: previous.verified_at as Date | null,
      verified_by: previous.verified_by,
    })
    await clearCustomerRoleCache(container, [previous.customer_id])
  }
)
