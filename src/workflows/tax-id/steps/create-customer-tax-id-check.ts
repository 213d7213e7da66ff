import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import type { CustomerMetaDTO } from "../../../modules/customer-meta/types"
import { TAX_ID_CHECK_MODULE } from "../../../modules/tax-id-check"
import type TaxIdCheckModuleService from "../../../modules/tax-id-check/service"
import type { TaxIdCheckDTO } from "../../../modules/tax-id-check/types"
import { VIES_MODULE } from "../../../modules/vies"
import type ViesModuleService from "../../../modules/vies/service"
import { viesNumberOf } from "../utils/vies-number"

export type CreateCustomerTaxIdCheckStepInput = {
  customer_meta_id: string
  /**
   * "Check again": always a new check, and refuse (400) when there is
   * nothing VIES can check. Otherwise (a number was set or changed) a check
   * is made once per number and anything else is silently skipped.
   */
  force: boolean
  /** "system", or the admin user id. */
  requested_by: string
}

export type CreateCustomerTaxIdCheckStepOutput = {
  /** The new check, or null when none was needed. */
  check: TaxIdCheckDTO | null
  customer_meta: CustomerMetaDTO
  /** Why no check was made. */
  skipped: "vies_disabled" | "no_vies_number" | "already_checked" | null
}

type Compensation = {
  check_id: string
  previous: Pick<CustomerMetaDTO, "id" | "tax_id_status" | "tax_id_check_id">
  cancelled: { id: string; next_attempt_at: Date | string | null }[]
} | null

const notAllowed = (message: string) =>
  new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

/**
 * Starts a VIES check of a customer's tax ID (DESIGN §11.3), under the
 * caller's per-Clerk-user lock: creates the `tax_id_check` (pending, due
 * now), stops retries of the customer's older checks, and points the role
 * at it with status `pending`. Calling VIES is left to the subscriber of
 * `tax_id_check.requested`, outside any request.
 */
export const createCustomerTaxIdCheckStep = createStep(
  "role-sync-create-customer-tax-id-check",
  async (input: CreateCustomerTaxIdCheckStepInput, { container }) => {
    const metaService: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
    const checkService: TaxIdCheckModuleService = container.resolve(TAX_ID_CHECK_MODULE)
    const vies: ViesModuleService = container.resolve(VIES_MODULE)
    const options = vies.getOptions()

    const skip = (
      customer_meta: CustomerMetaDTO,
      skipped: CreateCustomerTaxIdCheckStepOutput["skipped"]
    ) =>
      new StepResponse<CreateCustomerTaxIdCheckStepOutput, Compensation>(
        { check: null, customer_meta, skipped },
        null
      )

    // Re-read under the lock: a sync may have changed the number meanwhile.
    const meta = (await metaService.retrieveCustomerMeta(input.customer_meta_id)) as CustomerMetaDTO

    if (!options.enabled) {
      if (input.force) {
        throw notAllowed(
          "VIES checks are off in this store (plugin option vies.enabled); nothing was checked"
        )
      }
      return skip(meta, "vies_disabled")
    }

    const number = meta.account_type === "business" ? viesNumberOf(meta) : null
    if (!number) {
      if (input.force) {
        throw notAllowed(
          meta.tax_id
            ? `Tax ID ${meta.tax_id} is not an EU VAT number: VIES checks only EU VAT numbers (and XI for Northern Ireland; GB numbers left VIES in 2021)`
            : `Customer ${meta.customer_id} has no tax ID to check`
        )
      }
      return skip(meta, "no_vies_number")
    }

    if (!input.force && meta.tax_id_check_id) {
      const [current] = await checkService.listTaxIdChecks(
        { id: meta.tax_id_check_id },
        { select: ["id", "tax_id"], take: 1 }
      )
      if (current?.tax_id === meta.tax_id) {
        // A redelivered event: this number is being (or was) checked.
        return skip(meta, "already_checked")
      }
    }

    const now = new Date()
    const check = (await checkService.createTaxIdChecks({
      owner_type: "customer_meta",
      owner_id: meta.id,
      tax_id: meta.tax_id as string,
      country_code: number.countryCode,
      vat_number: number.vatNumber,
      status: "pending",
      attempts: 0,
      next_attempt_at: now,
      requester_vat_id: options.requester?.vatId ?? null,
      requested_by: input.requested_by,
    })) as TaxIdCheckDTO
    const cancelled = await checkService.cancelOtherPendingTaxIdChecks(
      { owner_type: "customer_meta", owner_id: meta.id },
      check.id
    )
    const updated = (await metaService.updateCustomerMetas({
      id: meta.id,
      tax_id_status: "pending",
      tax_id_check_id: check.id,
    })) as CustomerMetaDTO

    return new StepResponse<CreateCustomerTaxIdCheckStepOutput, Compensation>(
      { check, customer_meta: updated, skipped: null },
      {
        check_id: check.id,
        previous: {
          id: meta.id,
          tax_id_status: meta.tax_id_status,
          tax_id_check_id: meta.tax_id_check_id,
        },
        cancelled,
      }
    )
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const metaService: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
    const checkService: TaxIdCheckModuleService = container.resolve(TAX_ID_CHECK_MODULE)
    await metaService.updateCustomerMetas({
      id: compensation.previous.id,
      tax_id_status: compensation.previous.tax_id_status,
      tax_id_check_id: compensation.previous.tax_id_check_id,
    })
    if (compensation.cancelled.length) {
      await checkService.updateTaxIdChecks(
        compensation.cancelled.map((c) => ({
          id: c.id,
          next_attempt_at: c.next_attempt_at ? new Date(c.next_attempt_at) : null,
        }))
      )
    }
    await checkService.deleteTaxIdChecks(compensation.check_id)
  }
)
