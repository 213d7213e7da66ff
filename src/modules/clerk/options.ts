import { MedusaError } from "@medusajs/framework/utils"

export type AccountTypeSource = "unsafe_metadata" | "public_metadata"

/**
 * Options shared by the plugin's modules and the `clerk` auth provider.
 * Every field falls back to an environment variable so a host can configure
 * the plugin once, in `.env`.
 */
export type RoleSyncPluginOptions = {
  secretKey?: string
  jwtKey?: string
  apiUrl?: string
  authorizedParties?: string[] | string
  issuer?: string
  webhookSigningSecret?: string
  apiTimeoutMs?: number
  accountTypeSource?: AccountTypeSource
  businessGroupName?: string
}

export type ResolvedRoleSyncOptions = {
  secretKey: string
  jwtKey?: string
  apiUrl: string
  authorizedParties: string[]
  issuer?: string
  webhookSigningSecret?: string
  apiTimeoutMs: number
  accountTypeSource: AccountTypeSource
  businessGroupName: string
}

export const DEFAULT_CLERK_API_URL = "https://api.clerk.com"
export const DEFAULT_API_TIMEOUT_MS = 5000
export const DEFAULT_BUSINESS_GROUP_NAME = "Verified businesses"

const PREFIX = "medusa-plugin-role-sync"

const invalid = (message: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `${PREFIX}: ${message}`)

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined

const toList = (value: unknown): string[] => {
  const raw = Array.isArray(value)
    ? value
    : typeof value === "string"
      ? value.split(",")
      : []
  return raw
    .map((v) => (typeof v === "string" ? v.trim() : ""))
    .filter(Boolean)
}

// .env files often carry a PEM on one line with literal "\n".
const normalizePem = (pem: string) => pem.replace(/\\n/g, "\n").trim()

/**
 * Resolves options with their environment fallbacks and validates them.
 * Throws at start-up, naming the missing or invalid option, so a
 * misconfigured store never boots half-working.
 */
export function resolveRoleSyncOptions(
  options: RoleSyncPluginOptions = {},
  env: NodeJS.ProcessEnv = process.env
): ResolvedRoleSyncOptions {
  const secretKey = nonEmpty(options.secretKey) ?? nonEmpty(env.CLERK_SECRET_KEY)
  if (!secretKey) {
    throw invalid(
      `missing option "secretKey" (or env CLERK_SECRET_KEY): the Clerk secret key is needed to read users from Clerk's Backend API`
    )
  }

  const authorizedParties = toList(
    options.authorizedParties ?? env.CLERK_AUTHORIZED_PARTIES
  )
  if (!authorizedParties.length) {
    throw invalid(
      `missing option "authorizedParties" (or env CLERK_AUTHORIZED_PARTIES, comma-separated): list your storefront origins, e.g. https://shop.example.com; session tokens minted for any other origin are rejected`
    )
  }
  for (const party of authorizedParties) {
    try {
      new URL(party)
    } catch {
      throw invalid(
        `option "authorizedParties" holds "${party}", which is not an origin such as https://shop.example.com`
      )
    }
  }

  const jwtKeyRaw = nonEmpty(options.jwtKey) ?? nonEmpty(env.CLERK_JWT_KEY)
  const jwtKey = jwtKeyRaw ? normalizePem(jwtKeyRaw) : undefined
  if (jwtKey && !jwtKey.startsWith("-----BEGIN PUBLIC KEY-----")) {
    throw invalid(
      `option "jwtKey" (or env CLERK_JWT_KEY) must be the PEM public key from Clerk's dashboard, starting with "-----BEGIN PUBLIC KEY-----"`
    )
  }

  const apiUrl = (
    nonEmpty(options.apiUrl) ??
    nonEmpty(env.CLERK_API_URL) ??
    DEFAULT_CLERK_API_URL
  ).replace(/\/+$/, "")
  try {
    new URL(apiUrl)
  } catch {
    throw invalid(`option "apiUrl" (or env CLERK_API_URL) is not a URL: ${apiUrl}`)
  }

  const timeoutRaw = options.apiTimeoutMs ?? env.CLERK_API_TIMEOUT_MS
  const apiTimeoutMs =
    timeoutRaw === undefined || timeoutRaw === ""
      ? DEFAULT_API_TIMEOUT_MS
      : Number(timeoutRaw)
  if (!Number.isFinite(apiTimeoutMs) || apiTimeoutMs <= 0) {
    throw invalid(`option "apiTimeoutMs" must be a positive number of milliseconds`)
  }

  const accountTypeSource = options.accountTypeSource ?? "unsafe_metadata"
  if (!["unsafe_metadata", "public_metadata"].includes(accountTypeSource)) {
    throw invalid(
      `option "accountTypeSource" must be "unsafe_metadata" or "public_metadata"`
    )
  }

  return {
    secretKey,
    jwtKey,
    apiUrl,
    authorizedParties,
    issuer: nonEmpty(options.issuer) ?? nonEmpty(env.CLERK_ISSUER),
    webhookSigningSecret:
      nonEmpty(options.webhookSigningSecret) ??
      nonEmpty(env.CLERK_WEBHOOK_SIGNING_SECRET),
    apiTimeoutMs,
    accountTypeSource,
    businessGroupName:
      nonEmpty(options.businessGroupName) ?? DEFAULT_BUSINESS_GROUP_NAME,
  }
}
