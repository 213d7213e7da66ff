/**
 * `medusa exec ./integration-tests/multi-instance/setup-store.ts`: the little
 * a scratch store needs before its servers start, for the multi-instance
 * test and the benchmark (scripts/bench.mjs). Not part of the plugin.
 *
 * Env:
 *   SETUP_OUTPUT_FILE                       where to write { publishableKey, salesChannelId, admin }
 *   SETUP_ADMIN_EMAIL, SETUP_ADMIN_PASSWORD optional: an admin user (emailpass) to create
 */
import fs from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { createStoreContext } from "../helpers/medusa"

export default async function setupStore({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const output = process.env.SETUP_OUTPUT_FILE
  if (!output) {
    throw new Error("SETUP_OUTPUT_FILE is required")
  }

  const { salesChannelId, publishableKey } = await createStoreContext(container)

  let admin: { email: string; userId: string } | null = null
  const email = process.env.SETUP_ADMIN_EMAIL
  const password = process.env.SETUP_ADMIN_PASSWORD
  if (email && password) {
    const auth = container.resolve(Modules.AUTH)
    const registered = await auth.register("emailpass", {
      body: { email, password },
    } as any)
    if (!registered.success || !registered.authIdentity) {
      throw new Error(`admin registration failed: ${registered.error}`)
    }
    const { result: user } = await createUserAccountWorkflow(container).run({
      input: { authIdentityId: registered.authIdentity.id, userData: { email } },
    })
    admin = { email, userId: user.id }
  }

  fs.writeFileSync(
    output,
    JSON.stringify({ publishableKey, salesChannelId, admin }, null, 2)
  )
  logger.info(`[setup-store] publishable key and sales channel${admin ? " and admin user" : ""} created`)
}
