import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyDTO } from "../../../types/company"

export type LoadCompanyStepInput = { company_id: string }

/** Reads a live company (404 otherwise), before the lock: its organization names the lock. */
export const loadCompanyStepId = "role-sync-load-company"

export const loadCompanyStep = createStep(
  loadCompanyStepId,
  async (input: LoadCompanyStepInput, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [company] = await service.listCompanies({ id: input.company_id }, { take: 1 })
    if (!company) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Company ${input.company_id} was not found.`)
    }
    return new StepResponse<CompanyDTO>(company)
  }
)
