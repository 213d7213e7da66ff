import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import type { CustomerMetaDTO } from "../../../modules/customer-meta/types"
import { assertReviewedVersion } from "../utils/assert-reviewed-version"

export type LoadCustomerMetaForVerificationStepInput = {
  customer_id: string
  verified: boolean
  /** The `updated_at` the admin reviewed (checked again under the lock). */
  expected_updated_at?: string | null
}

/**
 * 404 for a customer without a role, 400 for verifying an individual or a
 * company member (whose company is verified instead).
 */
export function assertVerifiable(
  meta: CustomerMetaDTO | null,
  input: { customer_id: string; verified: boolean }
): asserts meta is CustomerMetaDTO {
  if (!meta) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer ${input.customer_id} has no synced role: nothing to verify`
    )
  }
  if (input.verified && meta.active_company_id) {
    // DESIGN §10 rule 4: a company member's verification is its company's.
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Customer ${input.customer_id} buys for the company ${meta.active_company_name ?? ""} (${meta.active_company_id}); verify the company instead: POST /admin/companies/${meta.active_company_id}/verify`.replace("  ", " ")
    )
  }
  if (input.verified && meta.account_type !== "business") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Customer ${input.customer_id} is an individual; only business customers can be verified`
    )
  }
}

/** Reads the role to verify, before the lock: its Clerk user names the lock. */
export const loadCustomerMetaForVerificationStepId = "role-sync-load-customer-meta-for-verification"

export const loadCustomerMetaForVerificationStep = createStep(
  loadCustomerMetaForVerificationStepId,
  async (input: LoadCustomerMetaForVerificationStepInput, { container }) => {
    const service: CustomerMetaModuleService =
      container.resolve(CUSTOMER_META_MODULE)
    const meta = await service.retrieveByCustomerId(input.customer_id)
    if (meta) {
      // A changed row answers 409 with its data before any other refusal.
      assertReviewedVersion(meta, input.expected_updated_at)
    }
    assertVerifiable(meta, input)
    return new StepResponse<CustomerMetaDTO>(meta)
  }
)
