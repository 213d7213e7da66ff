import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import type { CustomerMetaDTO } from "../../../modules/customer-meta/types"
import { TAX_ID_CHECK_MODULE } from "../../../modules/tax-id-check"
import type TaxIdCheckModuleService from "../../../modules/tax-id-check/service"
import type { TaxIdCheckDTO } from "../../../modules/tax-id-check/types"

/**
 * A check and the live role it is about (null when the role was deleted or
 * the check belongs to another kind of owner). Read before the lock: the
 * role's Clerk user names the lock.
 */
export const loadTaxIdCheckCustomerMetaStep = createStep(
  "role-sync-load-tax-id-check-customer-meta",
  async (input: { check_id: string }, { container }) => {
    const checks: TaxIdCheckModuleService = container.resolve(TAX_ID_CHECK_MODULE)
    const metas: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
    const check = (await checks.retrieveTaxIdCheck(input.check_id)) as TaxIdCheckDTO
    const [meta] =
      check.owner_type === "customer_meta"
        ? await metas.listCustomerMetas({ id: check.owner_id }, { take: 1 })
        : []
    return new StepResponse({
      check,
      customer_meta: (meta as CustomerMetaDTO | undefined) ?? null,
    })
  }
)
