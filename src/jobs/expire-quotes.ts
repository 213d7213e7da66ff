import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expireQuotesWorkflow } from "../workflows/quote/workflows/expire-quotes"

export default async function expireQuotesJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await expireQuotesWorkflow(container).run({
    input: { now: new Date().toISOString() },
  })
  if (result.length) {
    logger.info(`medusa-plugin-role-sync: ${result.length} lapsed quote(s) marked expired`)
  }
}

export const config = {
  name: "role-sync-expire-quotes",
  schedule: "*/15 * * * *",
}
