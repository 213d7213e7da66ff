import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import { clearCustomerRoleCache } from "../../../utils/customer-role-cache"

export type SoftDeleteCustomerMetaStepInput = {
  id: string
}

/**
 * Soft-deletes one `customer_meta`: the row stays for audit and for the
 * customer's history, but no lookup, guard or Query sees it any more, and the
 * partial unique indexes let a new row take its place. Compensation restores
 * it.
 */
export const softDeleteCustomerMetaStepId = "role-sync-soft-delete-customer-meta"

export const softDeleteCustomerMetaStep = createStep(
  softDeleteCustomerMetaStepId,
  async (input: SoftDeleteCustomerMetaStepInput, { container }) => {
    const service: CustomerMetaModuleService =
      container.resolve(CUSTOMER_META_MODULE)
    await service.softDeleteCustomerMetas([input.id])
    return new StepResponse(undefined, input.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: CustomerMetaModuleService =
      container.resolve(CUSTOMER_META_MODULE)
    await service.restoreCustomerMetas([id])
    const restored = await service.retrieveCustomerMeta(id, { select: ["customer_id"] })
    // A guarded request in between may have cached "no role".
    await clearCustomerRoleCache(container, [restored.customer_id])
  }
)
