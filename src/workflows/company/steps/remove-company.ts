import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import { effectiveCustomerRole, type CustomerMetaDTO } from "../../../types/customer-meta"
import { clearCustomerRoleCache } from "../../../utils/customer-role-cache"
import type { MemberChange } from "./apply-company-memberships"
import type { CustomerGroupPlan } from "./reconcile-company-groups"
import { chooseActiveCompany } from "../utils/choose-active-company"
import { companyGroupPlan } from "../utils/group-plan"
import { listLiveMemberships } from "../utils/live-memberships"

export type RemoveCompanyStepInput = { clerk_organization_id: string }

export type RemoveCompanyStepOutput = {
  /** The company that was removed; null when there was none (a replay). */
  company_id: string | null
  removed: MemberChange[]
  /** Every former member (their role caches must go). */
  customer_ids: string[]
  group_plans: CustomerGroupPlan[]
}

type ActiveColumns = Pick<
  CustomerMetaDTO,
  "id" | "active_company_id" | "active_company_name" | "active_company_role" | "active_company_verified"
>

type Compensation = {
  company_id: string
  member_ids: string[]
  metas: (ActiveColumns & { customer_id: string })[]
} | null

/**
 * A deleted Clerk Organization (DESIGN §10 rule 7): its company and
 * memberships are soft-deleted (orders, quotes and the company's customer
 * group stay: they are the store's records), each former member whose
 * active company it was moves to their oldest other company or to none,
 * and their groups are planned accordingly (out of the company's group, and
 * out of the verified-business group unless they are still verified). Run
 * under the organization's lock. Unknown organizations are a no-op.
 */
export const removeCompanyStepId = "role-sync-remove-company"

export const removeCompanyStep = createStep(
  removeCompanyStepId,
  async (input: RemoveCompanyStepInput, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const metaService: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
    const company = await service.retrieveByClerkOrganizationId(input.clerk_organization_id)
    const none: RemoveCompanyStepOutput = { company_id: null, removed: [], customer_ids: [], group_plans: [] }
    if (!company) {
      return new StepResponse<RemoveCompanyStepOutput, Compensation>(none, null)
    }
    const members = await service.listCompanyMembers({ company_id: company.id })
    const compensation: NonNullable<Compensation> = {
      company_id: company.id,
      member_ids: members.map((m) => m.id),
      metas: [],
    }
    const out: RemoveCompanyStepOutput = { company_id: company.id, removed: [], customer_ids: [], group_plans: [] }
    try {
      if (members.length) {
        await service.softDeleteCompanyMembers(members.map((m) => m.id))
      }
      await service.softDeleteCompanies([company.id])

      const customerIds = [...new Set(members.map((m) => m.customer_id))]
      const metas = customerIds.length
        ? await metaService.listCustomerMetas({ customer_id: customerIds })
        : []
      for (const meta of metas) {
        const remaining = await listLiveMemberships(container, meta.customer_id)
        const active =
          meta.active_company_id === company.id
            ? chooseActiveCompany(remaining, { previousCompanyId: null })
            : remaining.find((m) => m.company_id === meta.active_company_id) ?? null
        let final = meta
        if (meta.active_company_id === company.id) {
          compensation.metas.push({
            id: meta.id,
            customer_id: meta.customer_id,
            active_company_id: meta.active_company_id ?? null,
            active_company_name: meta.active_company_name ?? null,
            active_company_role: meta.active_company_role ?? null,
            active_company_verified: meta.active_company_verified ?? false,
          })
          final = (await metaService.updateCustomerMetas({
            id: meta.id,
            active_company_id: active?.company_id ?? null,
            active_company_name: active?.company_name ?? null,
            active_company_role: active?.role ?? null,
            active_company_verified: active?.company_verified ?? false,
          } as any)) as CustomerMetaDTO
        }
        out.group_plans.push({
          ...companyGroupPlan(meta.customer_id, active, [
            company.customer_group_id,
            ...remaining.map((m) => m.customer_group_id),
          ]),
          verified_business: effectiveCustomerRole(final).is_verified,
        })
      }
      out.customer_ids = customerIds
      out.removed = members.map((m) => ({ company_id: company.id, member_id: m.id, customer_id: m.customer_id }))
    } catch (e) {
      await undo(container, compensation)
      throw e
    }
    return new StepResponse<RemoveCompanyStepOutput, Compensation>(out, compensation)
  },
  async (compensation, { container }) => {
    if (compensation) {
      await undo(container, compensation)
    }
  }
)

async function undo(container: any, compensation: NonNullable<Compensation>) {
  const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const metaService: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
  await service.restoreCompanies([compensation.company_id])
  if (compensation.member_ids.length) {
    await service.restoreCompanyMembers(compensation.member_ids)
  }
  if (compensation.metas.length) {
    await metaService.updateCustomerMetas(compensation.metas.map(({ customer_id, ...row }) => row) as any)
    await clearCustomerRoleCache(container, compensation.metas.map((m) => m.customer_id))
  }
}
