import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { VIES_MODULE } from "../modules/vies"
import type ViesModuleService from "../modules/vies/service"
import { RoleSyncEvents } from "../utils/events"
import { startCustomerTaxIdCheckWorkflow } from "../workflows/tax-id/workflows/start-customer-tax-id-check"

/**
 * A customer's tax ID was set or changed: when VIES is on and it is an EU
 * VAT number, start a check (DESIGN §11.3). Idempotent: a redelivered event
 * finds the number's check and does nothing.
 */
export default async function startTaxIdCheckHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string; customer_id: string }>) {
  const vies: ViesModuleService = container.resolve(VIES_MODULE)
  if (!vies.getOptions().enabled) {
    return
  }
  try {
    await startCustomerTaxIdCheckWorkflow(container).run({
      input: { customer_meta_id: data.id, requested_by: "system" },
    })
  } catch (e) {
    // The role may be gone (user deleted) by the time the event arrives.
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`medusa-plugin-role-sync: no VIES check started for ${data.id}: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: RoleSyncEvents.CUSTOMER_META_TAX_ID_CHANGED,
  context: { subscriberId: "role-sync-start-tax-id-check" },
}
