import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyDTO } from "../../../types/company"
import { applyCompanyTaxData, type CompanyTaxDataInput } from "../utils/company-tax-data"

export type UpdateCompanyTaxDataStepInput = CompanyTaxDataInput & { company_id: string }

type Compensation = Pick<
  CompanyDTO,
  "id" | "tax_id" | "tax_id_country" | "country_code" | "is_verified" | "verified_at" | "verified_by"
> | null

/**
 * Writes a company's tax ID and country (under its organization's lock).
 * A change resets a verified company's verification (DESIGN §10 rule 4,
 * §5 rule 3); the same data writes nothing.
 *
 * Output: `{ company, changed, verification_reset }`.
 * @throws `invalid_metadata` (422) naming the field; NOT_FOUND.
 */
export const updateCompanyTaxDataStepId = "role-sync-update-company-tax-data"

export const updateCompanyTaxDataStep = createStep(
  updateCompanyTaxDataStepId,
  async (input: UpdateCompanyTaxDataStepInput, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [company] = await service.listCompanies({ id: input.company_id }, { take: 1 })
    if (!company) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Company ${input.company_id} was not found.`)
    }
    const next = applyCompanyTaxData(company, input)
    const changed =
      next.tax_id !== company.tax_id ||
      next.tax_id_country !== company.tax_id_country ||
      next.country_code !== company.country_code
    if (!changed) {
      return new StepResponse({ company, changed: false, verification_reset: false }, null as Compensation)
    }
    const verificationReset = company.is_verified
    const updated = await service.updateCompanies({
      id: company.id,
      ...next,
      ...(verificationReset ? { is_verified: false, verified_at: null, verified_by: null } : {}),
    } as any)
    return new StepResponse(
      { company: updated, changed: true, verification_reset: verificationReset },
      {
        id: company.id,
        tax_id: company.tax_id,
        tax_id_country: company.tax_id_country,
        country_code: company.country_code,
        is_verified: company.is_verified,
        verified_at: company.verified_at,
        verified_by: company.verified_by,
      } as Compensation
    )
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.updateCompanies({ ...previous, verified_at: previous.verified_at as Date | null } as any)
  }
)
