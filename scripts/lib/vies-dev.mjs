// The VIES part of `npm run dev`: with VIES enabled (ROLE_SYNC_VIES_ENABLED=true)
// and no ROLE_SYNC_VIES_API_URL, a local VIES stand-in answers instead of the
// European Commission, so a newcomer sees a number go pending -> valid.
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const { startViesStandIn } = require("../../dev/vies-stand-in.js")

export const DEFAULT_VIES_STAND_IN_PORT = 3902
// Dev retries come quickly (the retry job runs every minute).
export const DEV_VIES_RETRY_BASE_MS = 15_000

/**
 * Starts the stand-in: every number is registered (valid), and the first
 * call for each answers MS_UNAVAILABLE, as member states often do, so the
 * admin shows `pending` with its reason before the retry job makes it
 * `valid`.
 */
export async function startDevViesStandIn({ port }) {
  return startViesStandIn({
    port,
    flakyFirstCall: true,
    defaultTrader: { name: "VIES STAND-IN TRADER", address: "Stand-in Street 1\n12345 Devtown" },
  })
}
