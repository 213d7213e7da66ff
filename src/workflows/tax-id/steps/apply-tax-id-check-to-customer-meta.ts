import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import type { CustomerMetaDTO } from "../../../modules/customer-meta/types"
import { TAX_ID_CHECK_MODULE } from "../../../modules/tax-id-check"
import type TaxIdCheckModuleService from "../../../modules/tax-id-check/service"
import type { TaxIdCheckDTO } from "../../../modules/tax-id-check/types"
import { VIES_MODULE } from "../../../modules/vies"
import type ViesModuleService from "../../../modules/vies/service"
import { registeredNameMatches } from "../../../utils/tax-id"

export type ApplyTaxIdCheckToCustomerMetaStepOutput = {
  /** False when the check is not (or no longer) the role's current one. */
  applied: boolean
  customer_meta: CustomerMetaDTO | null
  check: TaxIdCheckDTO
  /** autoVerify "vies_name_match" applies: VIES valid, names match, not yet verified. */
  auto_verify: boolean
  /** VIES said invalid for a verified business, flagged now. */
  newly_flagged: boolean
}

type Compensation = Pick<
  CustomerMetaDTO,
  "id" | "tax_id_status" | "tax_id_checked_at" | "tax_id_flagged_at"
> | null

/**
 * Carries a check's result onto the role it is about (DESIGN §11.3-4),
 * under the caller's per-Clerk-user lock. Only the role's current check for
 * its current number counts: a late answer for an old number or an older
 * check changes nothing. `valid` clears an earlier flag; `invalid` on a
 * verified business sets `tax_id_flagged_at` (and never unverifies);
 * `pending` (no answer) changes nothing but the status.
 */
export const applyTaxIdCheckToCustomerMetaStep = createStep(
  "role-sync-apply-tax-id-check-to-customer-meta",
  async (input: { check_id: string }, { container }) => {
    const metas: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
    const checks: TaxIdCheckModuleService = container.resolve(TAX_ID_CHECK_MODULE)
    const { autoVerify } = (container.resolve(VIES_MODULE) as ViesModuleService).getOptions()

    const check = (await checks.retrieveTaxIdCheck(input.check_id)) as TaxIdCheckDTO
    const [meta] = (await metas.listCustomerMetas({ id: check.owner_id }, { take: 1 })) as CustomerMetaDTO[]
    const notApplied = new StepResponse<ApplyTaxIdCheckToCustomerMetaStepOutput, Compensation>(
      { applied: false, customer_meta: meta ?? null, check, auto_verify: false, newly_flagged: false },
      null
    )
    if (
      !meta ||
      check.owner_type !== "customer_meta" ||
      meta.tax_id_check_id !== check.id ||
      meta.tax_id !== check.tax_id
    ) {
      return notApplied
    }

    const update: Partial<CustomerMetaDTO> = { tax_id_status: check.status }
    let newlyFlagged = false
    if (check.status !== "pending") {
      update.tax_id_checked_at = check.checked_at
    }
    if (check.status === "valid") {
      update.tax_id_flagged_at = null
    }
    if (check.status === "invalid" && meta.is_verified && !meta.tax_id_flagged_at) {
      update.tax_id_flagged_at = new Date()
      newlyFlagged = true
    }
    const changed = (Object.keys(update) as (keyof CustomerMetaDTO)[]).some(
      (key) => String(meta[key] ?? null) !== String(update[key] ?? null)
    )
    const updated = changed
      ? ((await metas.updateCustomerMetas({ id: meta.id, ...(update as any) })) as CustomerMetaDTO)
      : meta

    const autoVerifyNow =
      autoVerify === "vies_name_match" &&
      check.status === "valid" &&
      updated.account_type === "business" &&
      !updated.is_verified &&
      registeredNameMatches(check.registered_name, updated.company_name)

    return new StepResponse<ApplyTaxIdCheckToCustomerMetaStepOutput, Compensation>(
      {
        applied: true,
        customer_meta: updated,
        check,
        auto_verify: autoVerifyNow,
        newly_flagged: newlyFlagged,
      },
      changed
        ? {
            id: meta.id,
            tax_id_status: meta.tax_id_status,
            tax_id_checked_at: meta.tax_id_checked_at,
            tax_id_flagged_at: meta.tax_id_flagged_at,
          }
        : null
    )
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const metas: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
    await metas.updateCustomerMetas({
      id: previous.id,
      tax_id_status: previous.tax_id_status,
      tax_id_checked_at: (previous.tax_id_checked_at ?? null) as Date | null,
      tax_id_flagged_at: (previous.tax_id_flagged_at ?? null) as Date | null,
    })
  }
)
