import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import { clearCustomerRoleCache } from "../../../utils/customer-role-cache"
import type { CustomerGroupPlan } from "./reconcile-company-groups"

export type PropagateCompanyToMembersStepInput = {
  company_ids: string[]
}

export type PropagateCompanyToMembersStepOutput = {
  /** Customers whose active company is one of these (their caches must go). */
  customer_ids: string[]
  /** Their groups as the companies' verification now says. */
  group_plans: CustomerGroupPlan[]
}

type Compensation = {
  id: string
  customer_id: string
  active_company_name: string | null
  active_company_verified: boolean
}[]

/**
 * Copies a company's name and verification onto the role rows of the
 * customers whose active company it is (one update per company, on the
 * indexed `active_company_id`), and plans their groups: the verified-
 * business group and the company's own group while it is verified, neither
 * otherwise. Run under the company's organization lock, after the company
 * changed. Compensation restores the previous copies.
 */
export const propagateCompanyToMembersStepId = "role-sync-propagate-company-to-members"

export const propagateCompanyToMembersStep = createStep(
  propagateCompanyToMembersStepId,
  async (input: PropagateCompanyToMembersStepInput, { container }) => {
    const companyService: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const metaService: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
    const ids = [...new Set(input.company_ids)]
    const out: PropagateCompanyToMembersStepOutput = { customer_ids: [], group_plans: [] }
    const previous: Compensation = []
    if (!ids.length) {
      return new StepResponse(out, previous)
    }
    const companies = await companyService.listCompanies({ id: ids })
    try {
      for (const company of companies) {
        const rows = await metaService.listCustomerMetas(
          { active_company_id: company.id },
          { select: ["id", "customer_id", "active_company_name", "active_company_verified"] }
        )
        if (!rows.length) {
          continue
        }
        const stale = rows.filter(
          (row) =>
            row.active_company_name !== company.name ||
            !!row.active_company_verified !== company.is_verified
        )
        if (stale.length) {
          await metaService.updateCustomerMetas({
            selector: { id: stale.map((row) => row.id) },
            data: {
              active_company_name: company.name,
              active_company_verified: company.is_verified,
            } as any,
          })
          previous.push(
            ...stale.map((row) => ({
              id: row.id,
              customer_id: row.customer_id,
              active_company_name: row.active_company_name ?? null,
              active_company_verified: !!row.active_company_verified,
            }))
          )
        }
        for (const row of rows) {
          out.customer_ids.push(row.customer_id)
          out.group_plans.push({
            customer_id: row.customer_id,
            verified_business: company.is_verified,
            ...(company.customer_group_id
              ? company.is_verified
                ? { join: [company.customer_group_id] }
                : { leave: [company.customer_group_id] }
              : {}),
          })
        }
      }
    } catch (e) {
      await restore(metaService, previous)
      throw e
    }
    return new StepResponse(out, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const metaService: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
    await restore(metaService, previous)
    await clearCustomerRoleCache(container, previous.map((row) => row.customer_id))
  }
)

async function restore(metaService: CustomerMetaModuleService, previous: Compensation) {
  if (previous.length) {
    await metaService.updateCustomerMetas(
      previous.map(({ customer_id, ...row }) => row) as any
    )
  }
}
