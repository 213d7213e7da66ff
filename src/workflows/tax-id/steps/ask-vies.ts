import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TaxIdCheckDTO } from "../../../modules/tax-id-check/types"
import { VIES_MODULE } from "../../../modules/vies"
import type ViesModuleService from "../../../modules/vies/service"
import type { ViesOutcome } from "../../../modules/vies/types"

/**
 * One call to VIES for a claimed check (bounded by `vies.timeoutMs`). Writes
 * nothing; outages come back as faults, never as errors or as valid.
 */
export const askViesStep = createStep(
  "role-sync-ask-vies",
  async (input: { check: TaxIdCheckDTO | null }, { container }) => {
    if (!input.check) {
      return new StepResponse<ViesOutcome | null>(null)
    }
    const vies: ViesModuleService = container.resolve(VIES_MODULE)
    const outcome = await vies.checkVatNumber({
      countryCode: input.check.country_code,
      vatNumber: input.check.vat_number,
    })
    return new StepResponse<ViesOutcome | null>(outcome)
  }
)
