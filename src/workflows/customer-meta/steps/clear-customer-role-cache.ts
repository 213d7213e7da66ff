import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clearCustomerRoleCache } from "../../../utils/customer-role-cache"

// Runs last, after every write: nothing to undo.
export const clearCustomerRoleCacheStepId = "role-sync-clear-customer-role-cache"

export const clearCustomerRoleCacheStep = createStep(
  clearCustomerRoleCacheStepId,
  async (input: { customer_ids: string[] }, { container }) => {
    await clearCustomerRoleCache(container, input.customer_ids)
    return new StepResponse(undefined)
  }
)
