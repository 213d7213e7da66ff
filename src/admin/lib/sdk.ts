import Medusa from "@medusajs/js-sdk"

/**
 * The admin's API client: the dashboard's own session cookie authenticates
 * every call, so nothing here stores a token. `__BACKEND_URL__` is injected
 * by the admin bundler ("" or "/" means the admin's own origin).
 */
export const sdk = new Medusa({
  baseUrl: __BACKEND_URL__ ?? "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
