import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type EndCustomerGroupMembershipsStepInput = {
  customer_id: string
}

export type EndCustomerGroupMembershipsStepOutput = {
  /** The groups the customer left. */
  customer_group_ids: string[]
}

type Compensation = { customer_id: string; customer_group_ids: string[] } | null

/**
 * Takes a customer out of every customer group (the verified-business group
 * and any group of the host's). A customer whose Clerk user was deleted
 * becomes a guest, and core attaches a cart to a customer by email: group
 * prices must not stay with an address anyone can type (DESIGN §8 rule 3,
 * §9 rule 3). Compensation puts the customer back into exactly those groups.
 */
export const endCustomerGroupMembershipsStepId = "role-sync-end-customer-group-memberships"

export const endCustomerGroupMembershipsStep = createStep(
  endCustomerGroupMembershipsStepId,
  async (input: EndCustomerGroupMembershipsStepInput, { container }) => {
    const customerService = container.resolve(Modules.CUSTOMER)
    const memberships = await customerService.listCustomerGroupCustomers(
      { customer_id: input.customer_id },
      { select: ["customer_group_id"] }
    )
    const groupIds = [...new Set(memberships.map((m) => m.customer_group_id))]
    if (!groupIds.length) {
      return new StepResponse<EndCustomerGroupMembershipsStepOutput, Compensation>(
        { customer_group_ids: [] },
        null
      )
    }
    await customerService.removeCustomerFromGroup(
      groupIds.map((customer_group_id) => ({ customer_id: input.customer_id, customer_group_id }))
    )
    return new StepResponse<EndCustomerGroupMembershipsStepOutput, Compensation>(
      { customer_group_ids: groupIds },
      { customer_id: input.customer_id, customer_group_ids: groupIds }
    )
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    await container.resolve(Modules.CUSTOMER).addCustomerToGroup(
      compensation.customer_group_ids.map((customer_group_id) => ({
        customer_id: compensation.customer_id,
        customer_group_id,
      }))
    )
  }
)
