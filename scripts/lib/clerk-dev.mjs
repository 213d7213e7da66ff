// The local Clerk stand-in for `npm run dev` / `npm run dev:token`: the same
// code the package ships as `medusa-plugin-role-sync dev-clerk`
// (dev/clerk-dev.mjs), with keys and users kept in .dev/clerk/ so a restart
// of `npm run dev` keeps the same secret key, signing key and demo users.
import {
  DEFAULT_STAND_IN_PORT,
  DEV_ISSUER,
  loadOrCreateDevClerk as loadOrCreate,
  signDevSessionToken,
  startDevStandIn,
} from "../../dev/clerk-dev.mjs"
import { PATHS } from "./dev-env.mjs"

export { DEFAULT_STAND_IN_PORT, DEV_ISSUER, signDevSessionToken, startDevStandIn }
export {
  demoUserSpec,
  devClerkEnv,
  ensureDemoUser,
  mintDemoToken,
  standInClient,
} from "../../dev/clerk-dev.mjs"

/** .dev/clerk/keys.json, created on first use unless `create` is false. */
export function loadOrCreateDevClerk({ create = true } = {}) {
  return loadOrCreate(PATHS.clerkDir, { create })
}
