import Medusa from "@medusajs/js-sdk"

/**
 * The admin's API client, configured like the dashboard's own: the backend
 * URL and the auth type come from the host's admin config (`admin.backendUrl`,
 * `admin.authType`, `admin.jwtTokenStorageKey`), so the plugin's requests
 * authenticate exactly as the dashboard's do, with its session cookie or its
 * stored JWT. Core resources are read through `sdk.admin.*`, the plugin's own
 * routes through `sdk.client.fetch`.
 */
export const sdk = new Medusa({
  // "" or "/" means the admin's own origin.
  baseUrl: __BACKEND_URL__ || "/",
  debug: import.meta.env.DEV,
  auth: {
    type: __AUTH_TYPE__ ?? "session",
    jwtTokenStorageKey: __JWT_TOKEN_STORAGE_KEY__ || undefined,
  },
})
