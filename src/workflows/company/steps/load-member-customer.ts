import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"

export type LoadMemberCustomerStepInput = { clerk_user_id: string }

export type LoadMemberCustomerStepOutput = {
  /** The customer of this Clerk user; null before its first sign-in. */
  customer_id: string | null
  /** The Clerk user was deleted (only soft-deleted roles carry its id). */
  user_deleted: boolean
}

/** Which customer a Clerk user is (read-only). */
export const loadMemberCustomerStepId = "role-sync-load-member-customer"

export const loadMemberCustomerStep = createStep(
  loadMemberCustomerStepId,
  async (input: LoadMemberCustomerStepInput, { container }) => {
    const metaService: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
    const rows = await metaService.listCustomerMetas(
      { clerk_user_id: input.clerk_user_id },
      { select: ["id", "customer_id", "deleted_at"], withDeleted: true }
    )
    const live = rows.find((row) => !row.deleted_at)
    return new StepResponse<LoadMemberCustomerStepOutput>({
      customer_id: live?.customer_id ?? null,
      user_deleted: rows.length > 0 && !live,
    })
  }
)
