import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TAX_ID_CHECK_MODULE } from "../modules/tax-id-check"
import type TaxIdCheckModuleService from "../modules/tax-id-check/service"
import { VIES_MODULE } from "../modules/vies"
import type ViesModuleService from "../modules/vies/service"
import { runTaxIdCheck } from "../workflows/tax-id/run-tax-id-check"

/** Checks retried per run; one at a time, to be gentle with VIES's rate limits. */
export const TAX_ID_CHECKS_PER_RUN = 20

/**
 * Retries pending VIES checks whose back-off has passed (DESIGN §11.3).
 * Each check stops after `vies.maxAttempts` calls; an admin's "check
 * again" starts a fresh one.
 *
 * @returns How many checks were attempted.
 */
export async function retryDueTaxIdChecks(
  container: MedusaContainer,
  now = new Date()
): Promise<number> {
  const vies: ViesModuleService = container.resolve(VIES_MODULE)
  if (!vies.getOptions().enabled) {
    return 0
  }
  const checks: TaxIdCheckModuleService = container.resolve(TAX_ID_CHECK_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const due = await checks.listDueTaxIdChecks(now, TAX_ID_CHECKS_PER_RUN)
  let attempted = 0
  for (const check of due) {
    try {
      if (await runTaxIdCheck(container, check.id, now)) {
        attempted++
      }
    } catch (e) {
      logger.warn(`medusa-plugin-role-sync: VIES retry of ${check.id} failed: ${(e as Error).message}`)
    }
  }
  return attempted
}

export default async function retryTaxIdChecksJob(container: MedusaContainer) {
  await retryDueTaxIdChecks(container)
}

export const config = {
  name: "role-sync-retry-tax-id-checks",
  schedule: "* * * * *",
}
