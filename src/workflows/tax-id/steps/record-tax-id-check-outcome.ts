import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TAX_ID_CHECK_MODULE } from "../../../modules/tax-id-check"
import type TaxIdCheckModuleService from "../../../modules/tax-id-check/service"
import type { TaxIdCheckDTO } from "../../../modules/tax-id-check/types"
import { VIES_MODULE, viesRetryDelayMs } from "../../../modules/vies"
import type ViesModuleService from "../../../modules/vies/service"
import type { ViesOutcome } from "../../../modules/vies/types"

export type RecordTaxIdCheckOutcomeStepInput = {
  check: TaxIdCheckDTO | null
  outcome: ViesOutcome | null
  /** ISO time the answer came. */
  now: string
}

/**
 * Writes what VIES said onto the check (DESIGN §11.3):
 * - an answer: status `valid` or `invalid`, `checked_at`, VIES's request
 *   date, consultation number, registered name and address; no more retries;
 * - a fault: status stays `pending` with the fault as reason, and the next
 *   attempt is scheduled with back-off, or none after `vies.maxAttempts`.
 * Only VIES's `valid: true` ever makes a check valid. The record is a fact
 * about VIES, not undone when a later step fails.
 */
export const recordTaxIdCheckOutcomeStep = createStep(
  "role-sync-record-tax-id-check-outcome",
  async (input: RecordTaxIdCheckOutcomeStepInput, { container }) => {
    const { check, outcome } = input
    if (!check || !outcome) {
      return new StepResponse<TaxIdCheckDTO | null>(null)
    }
    const checks: TaxIdCheckModuleService = container.resolve(TAX_ID_CHECK_MODULE)
    const options = (container.resolve(VIES_MODULE) as ViesModuleService).getOptions()
    const now = new Date(input.now)

    if (outcome.kind === "answer") {
      const recorded = (await checks.updateTaxIdChecks({
        id: check.id,
        status: outcome.valid ? "valid" : "invalid",
        checked_at: now,
        next_attempt_at: null,
        fault_code: null,
        fault_message: null,
        request_date: outcome.request_date,
        consultation_number: outcome.consultation_number,
        registered_name: outcome.registered_name,
        registered_address: outcome.registered_address,
      })) as TaxIdCheckDTO
      return new StepResponse<TaxIdCheckDTO | null>(recorded)
    }

    const exhausted = check.attempts >= options.maxAttempts
    const recorded = (await checks.updateTaxIdChecks({
      id: check.id,
      fault_code: outcome.code,
      fault_message: outcome.message,
      next_attempt_at: exhausted
        ? null
        : new Date(now.getTime() + viesRetryDelayMs(options, check.attempts)),
    })) as TaxIdCheckDTO
    if (exhausted) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(
          `medusa-plugin-role-sync: VIES gave no answer for ${check.tax_id} after ${check.attempts} attempts (last: ${outcome.code}); it stays pending until an admin checks again`
        )
    }
    return new StepResponse<TaxIdCheckDTO | null>(recorded)
  }
)
