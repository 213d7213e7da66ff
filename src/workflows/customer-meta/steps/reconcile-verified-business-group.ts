import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import { MANAGED_BY } from "../../../utils/managed-customer-groups"

export type ReconcileVerifiedBusinessGroupStepInput = {
  customer_id: string
  /** A verified business belongs to the group; anyone else does not. */
  is_member: boolean
}

type Compensation = {
  customer_id: string
  group_id: string
  /** What the step did, so compensation undoes exactly that. */
  action: "added" | "removed"
} | null

/**
 * Rule 4: verified businesses are in one customer group (name from the
 * plugin options), so price lists on that group give them business prices
 * through Medusa's own pricing. The group is created when first needed,
 * under a lock so two first verifications don't create two groups.
 */
export const reconcileVerifiedBusinessGroupStepId = "role-sync-reconcile-verified-business-group"

export const reconcileVerifiedBusinessGroupStep = createStep(
  reconcileVerifiedBusinessGroupStepId,
  async (input: ReconcileVerifiedBusinessGroupStepInput, { container }) => {
    const customerService = container.resolve(Modules.CUSTOMER)
    const locking = container.resolve(Modules.LOCKING)
    const metaService: CustomerMetaModuleService =
      container.resolve(CUSTOMER_META_MODULE)
    const name = metaService.getOptions().businessGroupName

    const findGroup = async () =>
      (await customerService.listCustomerGroups({ name }, { select: ["id"], take: 1 }))[0]

    let group = await findGroup()
    if (!group && !input.is_member) {
      return new StepResponse<void, Compensation>(undefined, null)
    }
    if (!group) {
      group = await locking.execute(`role-sync:customer-group:${name}`, async () => {
        return (
          (await findGroup()) ??
          (await customerService.createCustomerGroups({
            name,
            metadata: { managed_by: MANAGED_BY },
          }))
        )
      })
    }

    const [membership] = await customerService.listCustomerGroupCustomers(
      { customer_id: input.customer_id, customer_group_id: group.id },
      { take: 1 }
    )
    const pair = { customer_id: input.customer_id, customer_group_id: group.id }

    if (input.is_member && !membership) {
      await customerService.addCustomerToGroup(pair)
      return new StepResponse<void, Compensation>(undefined, {
        customer_id: input.customer_id,
        group_id: group.id,
        action: "added",
      })
    }
    if (!input.is_member && membership) {
      await customerService.removeCustomerFromGroup(pair)
      return new StepResponse<void, Compensation>(undefined, {
        customer_id: input.customer_id,
        group_id: group.id,
        action: "removed",
      })
    }
    return new StepResponse<void, Compensation>(undefined, null)
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const customerService = container.resolve(Modules.CUSTOMER)
    const pair = {
      customer_id: compensation.customer_id,
      customer_group_id: compensation.group_id,
    }
    if (compensation.action === "added") {
      await customerService.removeCustomerFromGroup(pair)
    } else {
      await customerService.addCustomerToGroup(pair)
    }
  }
)
