/** Where the declared account type is read on the Clerk user. */
export type AccountTypeSource = "unsafe_metadata" | "public_metadata"

/**
 * Clerk options, shared by the plugin and the `clerk` auth provider. Each
 * falls back to its `CLERK_*` environment variable. None is needed for
 * `medusa db:migrate`, `medusa user` or `medusa exec`: they are checked when
 * the server starts serving.
 */
export type ClerkOptions = {
  /** `CLERK_SECRET_KEY`: Backend API key (required to serve). */
  secretKey?: string
  /** `CLERK_JWT_KEY`: PEM public key for networkless token verification. */
  jwtKey?: string
  /** `CLERK_API_URL`, default `https://api.clerk.com`. */
  apiUrl?: string
  /** `CLERK_AUTHORIZED_PARTIES` (comma-separated): storefront origins (required to serve). */
  authorizedParties?: string[] | string
  /** `CLERK_ISSUER`: when set, a token's `iss` must match. */
  issuer?: string
  /** `CLERK_WEBHOOK_SIGNING_SECRET`: Svix secret for `POST /hooks/clerk`. */
  webhookSigningSecret?: string
  /** `CLERK_API_TIMEOUT_MS`, default 5000 (ms) for every Backend API call. */
  apiTimeoutMs?: number
  /** Default `unsafe_metadata` (declared by the user at sign-up). */
  accountTypeSource?: AccountTypeSource
}

/** `plugins: [{ resolve: "medusa-plugin-role-sync", options }]` */
export type RoleSyncPluginOptions = ClerkOptions & {
  /** Customer group of verified businesses; default "Verified businesses". */
  businessGroupName?: string
  /**
   * Store roles for custom Clerk organization roles, e.g.
   * `{ "org:viewer": "member", "org:purchaser": "buyer" }`. `org:admin` is
   * `admin` and `org:member` is `buyer` unless mapped here; any role not
   * mapped is `member` (DESIGN §10 rule 1).
   */
  organizationRoles?: Record<string, "admin" | "buyer" | "member">
}
