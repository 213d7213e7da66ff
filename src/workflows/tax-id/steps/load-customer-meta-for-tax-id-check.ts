import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import type { CustomerMetaDTO } from "../../../modules/customer-meta/types"

export type LoadCustomerMetaForTaxIdCheckStepInput = {
  /** One of the two. */
  customer_id?: string | null
  customer_meta_id?: string | null
}

/**
 * The role whose tax ID is checked, read before the lock (its Clerk user
 * names the lock). 404 when the customer has no role.
 */
export const loadCustomerMetaForTaxIdCheckStep = createStep(
  "role-sync-load-customer-meta-for-tax-id-check",
  async (input: LoadCustomerMetaForTaxIdCheckStepInput, { container }) => {
    const service: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
    const [meta] = input.customer_meta_id
      ? await service.listCustomerMetas({ id: input.customer_meta_id }, { take: 1 })
      : input.customer_id
        ? await service.listCustomerMetas({ customer_id: input.customer_id }, { take: 1 })
        : []
    if (!meta) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer ${input.customer_id ?? input.customer_meta_id} has no synced role: no tax ID to check`
      )
    }
    return new StepResponse(meta as CustomerMetaDTO)
  }
)
