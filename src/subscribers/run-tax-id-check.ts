import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RoleSyncEvents } from "../utils/events"
import { runTaxIdCheck } from "../workflows/tax-id/run-tax-id-check"

/**
 * A VIES check was created: make its first attempt now, in the background.
 * A fault leaves it pending for the retry job; a check already taken (by
 * the job, or a redelivery) is skipped.
 */
export default async function runTaxIdCheckHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  try {
    await runTaxIdCheck(container, data.id)
  } catch (e) {
    // The retry job takes the check again once its lease runs out.
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`medusa-plugin-role-sync: VIES check ${data.id} failed: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: RoleSyncEvents.TAX_ID_CHECK_REQUESTED,
  context: { subscriberId: "role-sync-run-tax-id-check" },
}
