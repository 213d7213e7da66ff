import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ClerkOrganizationSnapshot } from "../../../modules/clerk/clerk-organization"
import {
  undoCompanyUpsert,
  upsertCompanyFromOrganization,
  type CompanyUpsert,
} from "../utils/upsert-company"

export type UpsertOrganizationStepInput = { organization: ClerkOrganizationSnapshot }

export type UpsertOrganizationStepOutput = {
  /** Null when the organization was deleted (a late delivery). */
  company_id: string | null
  created: boolean
  renamed: boolean
  verification_reset: boolean
}

/**
 * Applies an organization from Clerk (`organization.created|updated`, or
 * the organization of a membership whose user has no customer yet) to its
 * company: created with its customer group, or renamed when the data is
 * newer (a verified company is then unverified). Run under the
 * organization's lock. Compensation undoes it.
 */
export const upsertOrganizationStepId = "role-sync-upsert-organization"

export const upsertOrganizationStep = createStep(
  upsertOrganizationStepId,
  async (input: UpsertOrganizationStepInput, { container }) => {
    const upserted = await upsertCompanyFromOrganization(container, input.organization)
    if (!upserted) {
      return new StepResponse<UpsertOrganizationStepOutput, CompanyUpsert["undo"] | null>(
        { company_id: null, created: false, renamed: false, verification_reset: false },
        null
      )
    }
    return new StepResponse<UpsertOrganizationStepOutput, CompanyUpsert["undo"] | null>(
      {
        company_id: upserted.company.id,
        created: upserted.created,
        renamed: upserted.renamed,
        verification_reset: upserted.verification_reset,
      },
      upserted.undo
    )
  },
  async (undo, { container }) => {
    if (undo) {
      await undoCompanyUpsert(container, undo)
    }
  }
)
