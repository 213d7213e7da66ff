import { startViesStandIn } from "./vies-stand-in"

export type ViesStandIn = Awaited<ReturnType<typeof startViesStandIn>>

/**
 * Wires a test file to an offline VIES: the stand-in on 127.0.0.1 and the
 * env medusa-config.ts turns into the plugin's `vies` options. Call at the
 * top level of a spec, before `medusaIntegrationTestRunner({ env })`, and
 * merge `env` into the runner's env.
 */
export function useOfflineVies(overrides: Record<string, string> = {}) {
  const env: Record<string, string> = {}
  const ctx = {
    env,
    vies: undefined as unknown as ViesStandIn,
  }
  beforeAll(async () => {
    ctx.vies = await startViesStandIn()
    Object.assign(env, {
      ROLE_SYNC_VIES_ENABLED: "true",
      ROLE_SYNC_VIES_API_URL: ctx.vies.url,
      ROLE_SYNC_VIES_TIMEOUT_MS: "500",
      ROLE_SYNC_VIES_MAX_ATTEMPTS: "3",
      ROLE_SYNC_VIES_RETRY_BASE_MS: "60000",
      ...overrides,
    })
  })
  afterAll(async () => {
    await ctx.vies?.close()
  })
  return ctx
}
