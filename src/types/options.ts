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

/**
 * VIES checks of EU VAT numbers (DESIGN §11.3). Each falls back to its
 * `ROLE_SYNC_VIES_*` environment variable.
 */
export type ViesOptions = {
  /** `ROLE_SYNC_VIES_ENABLED`: ask VIES in the background. Default false. */
  enabled?: boolean | string
  /** `ROLE_SYNC_VIES_API_URL`: REST base URL. Default the European Commission's. */
  apiUrl?: string
  /** `ROLE_SYNC_VIES_TIMEOUT_MS`: time-out of one VIES call, in ms. Default 10000. */
  timeoutMs?: number | string
  /**
   * `ROLE_SYNC_VIES_REQUESTER_VAT_ID`: the store's own EU VAT number (e.g.
   * DE136695976). With it VIES returns a consultation number, the proof of
   * the check.
   */
  requesterVatId?: string
  /** `ROLE_SYNC_VIES_MAX_ATTEMPTS`: calls per check before retries stop. Default 10. */
  maxAttempts?: number | string
  /** `ROLE_SYNC_VIES_RETRY_BASE_MS`: first retry wait, doubled each time, in ms. Default 300000. */
  retryBaseMs?: number | string
  /** `ROLE_SYNC_VIES_RETRY_MAX_MS`: longest wait between retries, in ms. Default 21600000. */
  retryMaxMs?: number | string
}

/** `ROLE_SYNC_AUTO_VERIFY`; see DESIGN §11.4. */
export type AutoVerifyMode = "vies_name_match"

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
  vies?: ViesOptions
  /**
   * `"vies_name_match"`: verify a business (by "vies") when VIES says its
   * VAT number is valid and the registered name matches its company name.
   * Default off: verification stays the admin's.
   */
  autoVerify?: AutoVerifyMode | false | null
}
