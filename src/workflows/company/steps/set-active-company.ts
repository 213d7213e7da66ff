import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import type { CustomerMetaDTO } from "../../../types/customer-meta"
import { clearCustomerRoleCache } from "../../../utils/customer-role-cache"
import { chooseActiveCompany } from "../utils/choose-active-company"
import type { LiveMembership } from "../utils/live-memberships"

export type SetActiveCompanyStepInput = {
  customer_id: string
  /** The customer's live memberships (after they were brought in step). */
  memberships: LiveMembership[]
  /** The organization the caller chose (`organization_id` of the sync body). */
  organization_id?: string | null
}

export type SetActiveCompanyStepOutput = {
  /** The role after the change; null when the customer has no role yet. */
  customer_meta: CustomerMetaDTO | null
  /** The active membership, or null (sole trader, individual). */
  active: LiveMembership | null
  /** The company that was active before, if any. */
  previous_company_id: string | null
  changed: boolean
}

type ActiveColumns = Pick<
  CustomerMetaDTO,
  "id" | "customer_id" | "active_company_id" | "active_company_name" | "active_company_role" | "active_company_verified"
>

const columnsOf = (active: LiveMembership | null) => ({
  active_company_id: active?.company_id ?? null,
  active_company_name: active?.company_name ?? null,
  active_company_role: active?.role ?? null,
  active_company_verified: active?.company_verified ?? false,
})

/**
 * Chooses the customer's active company (DESIGN §10 rule 2: the one asked
 * for among real memberships, else the only one, else the one active
 * before, else the oldest) and copies it onto the customer's role row, so a
 * guard reads role, company role and company verification in one indexed
 * read. Writes only on change; compensation restores the previous copy.
 *
 * @throws FORBIDDEN when `organization_id` is not one of the memberships.
 */
export const setActiveCompanyStepId = "role-sync-set-active-company"

export const setActiveCompanyStep = createStep(
  setActiveCompanyStepId,
  async (input: SetActiveCompanyStepInput, { container }) => {
    const metaService: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
    const meta = await metaService.retrieveByCustomerId(input.customer_id)
    const previousCompanyId = meta?.active_company_id ?? null
    const active = chooseActiveCompany(input.memberships, {
      requestedOrganizationId: input.organization_id,
      previousCompanyId,
    })
    if (!meta) {
      return new StepResponse<SetActiveCompanyStepOutput, ActiveColumns | null>(
        { customer_meta: null, active, previous_company_id: null, changed: false },
        null
      )
    }
    const next = columnsOf(active)
    const changed = (Object.keys(next) as (keyof typeof next)[]).some(
      (key) => (meta[key] ?? (key === "active_company_verified" ? false : null)) !== next[key]
    )
    if (!changed) {
      return new StepResponse<SetActiveCompanyStepOutput, ActiveColumns | null>(
        { customer_meta: meta, active, previous_company_id: previousCompanyId, changed: false },
        null
      )
    }
    const updated = (await metaService.updateCustomerMetas({
      id: meta.id,
      ...next,
    } as any)) as CustomerMetaDTO
    return new StepResponse<SetActiveCompanyStepOutput, ActiveColumns | null>(
      { customer_meta: updated, active, previous_company_id: previousCompanyId, changed: true },
      {
        id: meta.id,
        customer_id: meta.customer_id,
        active_company_id: meta.active_company_id ?? null,
        active_company_name: meta.active_company_name ?? null,
        active_company_role: meta.active_company_role ?? null,
        active_company_verified: meta.active_company_verified ?? false,
      }
    )
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const metaService: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
    const { customer_id, ...columns } = previous
    await metaService.updateCustomerMetas(columns as any)
    // A guarded request in between may have cached the undone company.
    await clearCustomerRoleCache(container, [customer_id])
  }
)
