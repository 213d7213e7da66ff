import { assertClerkOptions, type ClerkOptionsResolution } from "./options"

/**
 * Clerk keys are needed to serve, not to migrate: the Clerk module records
 * its options here when it loads (in every CLI command), and the plugin's
 * API checks them when Medusa loads the API, which happens only when a
 * server starts serving (`medusa start` / `develop`, not `db:migrate`,
 * `medusa user` or `medusa exec`). A missing key then stops the server with
 * a message naming the option.
 */
let recorded: ClerkOptionsResolution | undefined

export function recordClerkOptions(resolution: ClerkOptionsResolution) {
  recorded = resolution
}

/** Throws naming every missing or invalid Clerk option; no-op before load. */
export function assertClerkReadyToServe() {
  if (recorded) {
    assertClerkOptions(recorded)
  }
}
