import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import { MANAGED_BY } from "../utils/company-group"

/** Where one customer must (and must not) be. */
export type CustomerGroupPlan = {
  customer_id: string
  /**
   * In the verified-business group (true) or out of it (false); omitted:
   * left as it is.
   */
  verified_business?: boolean
  /** Company groups to be in (the active company's, while it is verified). */
  join?: string[]
  /** Company groups to be out of. */
  leave?: string[]
}

export type ReconcileCompanyGroupsStepInput = { plans: CustomerGroupPlan[] }

type Pair = { customer_id: string; customer_group_id: string }
type Compensation = { added: Pair[]; removed: Pair[] } | null

/** The verified-business group, created (under a lock) when first needed. */
async function verifiedBusinessGroupId(
  container: MedusaContainer,
  create: boolean
): Promise<string | null> {
  const customerService = container.resolve(Modules.CUSTOMER)
  const metaService: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
  const name = metaService.getOptions().businessGroupName
  const find = async () =>
    (await customerService.listCustomerGroups({ name }, { select: ["id"], take: 1 }))[0]
  const found = await find()
  if (found || !create) {
    return found?.id ?? null
  }
  const locking = container.resolve(Modules.LOCKING)
  // The same lock as the verified-business step of the customer workflows.
  const group = await locking.execute(`role-sync:customer-group:${name}`, async () =>
    (await find()) ??
    (await customerService.createCustomerGroups({ name, metadata: { managed_by: MANAGED_BY } }))
  )
  return group.id
}

/**
 * Puts company members into the groups their company's state earns and
 * takes them out of the others (DESIGN §10 rule 4): members of a verified
 * company are in the verified-business group and in the company's own group
 * (so a price list on it gives them the company's prices); a removed member,
 * an unverified company or another active company means out. Two queries
 * and at most one batch of additions and one of removals, whatever the
 * number of members. Compensation undoes exactly what it did.
 */
export const reconcileCompanyGroupsStepId = "role-sync-reconcile-company-groups"

export const reconcileCompanyGroupsStep = createStep(
  reconcileCompanyGroupsStepId,
  async ({ plans }: ReconcileCompanyGroupsStepInput, { container }) => {
    if (!plans.length) {
      return new StepResponse<void, Compensation>(undefined, null)
    }
    const customerService = container.resolve(Modules.CUSTOMER)
    const needsVb = plans.some((p) => p.verified_business !== undefined)
    const vbGroupId = needsVb
      ? await verifiedBusinessGroupId(container, plans.some((p) => p.verified_business === true))
      : null

    const wanted = new Map<string, boolean>()
    const key = (customerId: string, groupId: string) => `${customerId}\u0000${groupId}`
    for (const plan of plans) {
      for (const groupId of plan.leave ?? []) wanted.set(key(plan.customer_id, groupId), false)
      for (const groupId of plan.join ?? []) wanted.set(key(plan.customer_id, groupId), true)
      if (vbGroupId && plan.verified_business !== undefined) {
        wanted.set(key(plan.customer_id, vbGroupId), plan.verified_business)
      }
    }
    if (!wanted.size) {
      return new StepResponse<void, Compensation>(undefined, null)
    }
    const pairs = [...wanted.keys()].map((k) => {
      const [customer_id, customer_group_id] = k.split("\u0000")
      return { customer_id, customer_group_id }
    })
    const existing = await customerService.listCustomerGroupCustomers({
      customer_id: [...new Set(pairs.map((p) => p.customer_id))],
      customer_group_id: [...new Set(pairs.map((p) => p.customer_group_id))],
    })
    const isMember = new Set(existing.map((row) => key(row.customer_id, row.customer_group_id)))

    const add = pairs.filter((p) => wanted.get(key(p.customer_id, p.customer_group_id)) && !isMember.has(key(p.customer_id, p.customer_group_id)))
    const remove = pairs.filter((p) => !wanted.get(key(p.customer_id, p.customer_group_id)) && isMember.has(key(p.customer_id, p.customer_group_id)))
    if (add.length) {
      await customerService.addCustomerToGroup(add)
    }
    if (remove.length) {
      try {
        await customerService.removeCustomerFromGroup(remove)
      } catch (e) {
        if (add.length) await customerService.removeCustomerFromGroup(add)
        throw e
      }
    }
    return new StepResponse<void, Compensation>(undefined, { added: add, removed: remove })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const customerService = container.resolve(Modules.CUSTOMER)
    if (compensation.added.length) {
      await customerService.removeCustomerFromGroup(compensation.added)
    }
    if (compensation.removed.length) {
      await customerService.addCustomerToGroup(compensation.removed)
    }
  }
)
