import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { MemberChange } from "./apply-company-memberships"

export type EndUserMembershipsStepInput = { clerk_user_id: string }

export type EndUserMembershipsStepOutput = {
  removed: MemberChange[]
  /** The company groups the user's customers must leave. */
  group_ids: string[]
}

/**
 * A deleted Clerk user's memberships end (DESIGN §8 rule 3): every live
 * membership of that user is soft-deleted. Run under the user's lock.
 * Compensation restores them.
 */
export const endUserMembershipsStepId = "role-sync-end-user-memberships"

export const endUserMembershipsStep = createStep(
  endUserMembershipsStepId,
  async (input: EndUserMembershipsStepInput, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const members = await service.listCompanyMembers(
      { clerk_user_id: input.clerk_user_id },
      { relations: ["company"] }
    )
    if (!members.length) {
      return new StepResponse<EndUserMembershipsStepOutput, string[]>({ removed: [], group_ids: [] }, [])
    }
    await service.softDeleteCompanyMembers(members.map((m) => m.id))
    return new StepResponse<EndUserMembershipsStepOutput, string[]>(
      {
        removed: members.map((m) => ({ company_id: m.company_id, member_id: m.id, customer_id: m.customer_id })),
        group_ids: [
          ...new Set(
            members.map((m) => m.company?.customer_group_id).filter((id): id is string => !!id)
          ),
        ],
      },
      members.map((m) => m.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
      await service.restoreCompanyMembers(ids)
    }
  }
)
