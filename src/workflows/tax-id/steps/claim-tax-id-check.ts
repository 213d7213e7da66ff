import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TAX_ID_CHECK_MODULE } from "../../../modules/tax-id-check"
import type TaxIdCheckModuleService from "../../../modules/tax-id-check/service"
import type { TaxIdCheckDTO } from "../../../modules/tax-id-check/types"
import { VIES_MODULE } from "../../../modules/vies"
import type ViesModuleService from "../../../modules/vies/service"

// Beyond the VIES time-out: time to record the outcome before someone else may retry.
const LEASE_MARGIN_MS = 30_000

export type ClaimTaxIdCheckStepInput = {
  check_id: string
  /** ISO time of the attempt. */
  now: string
}

/**
 * Takes a due, pending check for one VIES call (one conditional update, so
 * two workers never call VIES for the same check at once). Null when there
 * is nothing to do: answered, not due, replaced by a newer check, out of
 * attempts, or taken by another worker. Counting the attempt is not undone:
 * if this run fails, the lease runs out and the retry job takes it again.
 */
export const claimTaxIdCheckStep = createStep(
  "role-sync-claim-tax-id-check",
  async (input: ClaimTaxIdCheckStepInput, { container }) => {
    const checks: TaxIdCheckModuleService = container.resolve(TAX_ID_CHECK_MODULE)
    const { timeoutMs, maxAttempts } = (container.resolve(VIES_MODULE) as ViesModuleService).getOptions()
    const claimed = await checks.claimTaxIdCheckAttempt(input.check_id, {
      now: new Date(input.now),
      leaseMs: timeoutMs + LEASE_MARGIN_MS,
      maxAttempts,
    })
    return new StepResponse<TaxIdCheckDTO | null>(claimed)
  }
)
