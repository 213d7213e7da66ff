import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyDTO } from "../../../types/company"
import { RoleSyncErrorCodes, roleSyncError } from "../../../utils/errors"

export type SetCompanyVerificationStepInput = {
  company_id: string
  verified: boolean
  /** The admin user id. */
  actor_id: string
  /**
   * The company's `updated_at` the admin reviewed (ISO string): a company
   * changed since (renamed, new tax data, verified by someone else) is a
   * `version_conflict` (DESIGN §9 rule 4).
   */
  expected_updated_at?: string | null
}

type Compensation = Pick<CompanyDTO, "id" | "is_verified" | "verified_at" | "verified_by"> | null

/**
 * Records an admin's verdict on a company (when and by whom) or clears it.
 * Re-reads the company under its organization's lock, so the version check
 * and the write see the same row.
 *
 * @throws NOT_FOUND for a deleted company; `version_conflict` (409, with
 *   `details.company_id`) when `expected_updated_at` is not the current one.
 */
export const setCompanyVerificationStepId = "role-sync-set-company-verification"

export const setCompanyVerificationStep = createStep(
  setCompanyVerificationStepId,
  async (input: SetCompanyVerificationStepInput, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [company] = await service.listCompanies({ id: input.company_id }, { take: 1 })
    if (!company) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Company ${input.company_id} was not found.`)
    }
    if (
      input.expected_updated_at &&
      new Date(input.expected_updated_at).getTime() !== new Date(company.updated_at).getTime()
    ) {
      throw roleSyncError(
        RoleSyncErrorCodes.VERSION_CONFLICT,
        `Company ${company.id} changed since you reviewed it (updated ${new Date(company.updated_at).toISOString()}, you saw ${input.expected_updated_at}); review it again. Nothing was changed.`,
        { company_id: company.id }
      )
    }
    if (company.is_verified === input.verified) {
      return new StepResponse({ company, changed: false }, null as Compensation)
    }
    const updated = await service.updateCompanies({
      id: company.id,
      is_verified: input.verified,
      verified_at: input.verified ? new Date() : null,
      verified_by: input.verified ? input.actor_id : null,
    } as any)
    return new StepResponse({ company: updated, changed: true }, {
      id: company.id,
      is_verified: company.is_verified,
      verified_at: company.verified_at,
      verified_by: company.verified_by,
    } as Compensation)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await service.updateCompanies({
      ...previous,
      verified_at: previous.verified_at as Date | null,
    } as any)
  }
)
