import { createPublicKey } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import type { AccountTypeSource, ClerkOptions } from "../../types/options"

export type { AccountTypeSource, ClerkOptions }

export type ResolvedClerkOptions = {
  secretKey: string
  jwtKey?: string
  apiUrl: string
  authorizedParties: string[]
  issuer?: string
  webhookSigningSecret?: string
  apiTimeoutMs: number
  accountTypeSource: AccountTypeSource
}

/** The options with their env fallbacks, and what is wrong with them. */
export type ClerkOptionsResolution = {
  options: ResolvedClerkOptions
  /** One sentence per missing or invalid option, naming it; empty when fine. */
  problems: string[]
}

export const DEFAULT_CLERK_API_URL = "https://api.clerk.com"
export const DEFAULT_API_TIMEOUT_MS = 5000

const PREFIX = "medusa-plugin-role-sync"

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

// Clerk signs session tokens with RS256.
const isRsaPublicKeyPem = (pem: string) => {
  if (!pem.startsWith("-----BEGIN PUBLIC KEY-----")) {
    return false
  }
  try {
    return createPublicKey({ key: pem, format: "pem" }).asymmetricKeyType === "rsa"
  } catch {
    return false
  }
}

const isUrl = (value: string) => {
  try {
    new URL(value)
    return true
  } catch {
    return false
  }
}

/**
 * Resolves Clerk options with their environment fallbacks. Never throws: the
 * modules load for `db:migrate` and other CLI commands without any key, and
 * the problems are reported when the server starts serving
 * (`assertClerkOptions`, src/modules/clerk/serving-check.ts).
 */
export function resolveClerkOptions(
  options: ClerkOptions = {},
  env: NodeJS.ProcessEnv = process.env
): ClerkOptionsResolution {
  const problems: string[] = []

  const secretKey = nonEmpty(options.secretKey) ?? nonEmpty(env.CLERK_SECRET_KEY) ?? ""
  if (!secretKey) {
    problems.push(
      `missing option "secretKey" (or env CLERK_SECRET_KEY): the Clerk secret key is needed to read users from Clerk's Backend API`
    )
  }

  const authorizedParties = toList(
    options.authorizedParties ?? env.CLERK_AUTHORIZED_PARTIES
  )
  if (!authorizedParties.length) {
    problems.push(
      `missing option "authorizedParties" (or env CLERK_AUTHORIZED_PARTIES, comma-separated): list your storefront origins, e.g. https://shop.example.com; session tokens minted for any other origin are rejected`
    )
  }
  for (const party of authorizedParties) {
    if (!isUrl(party)) {
      problems.push(
        `option "authorizedParties" holds "${party}", which is not an origin such as https://shop.example.com`
      )
    }
  }

  const jwtKeyRaw = nonEmpty(options.jwtKey) ?? nonEmpty(env.CLERK_JWT_KEY)
  const jwtKey = jwtKeyRaw ? normalizePem(jwtKeyRaw) : undefined
  if (jwtKey && !isRsaPublicKeyPem(jwtKey)) {
    problems.push(
      `option "jwtKey" (or env CLERK_JWT_KEY) must be the RSA PEM public key from Clerk's dashboard (API keys → JWT public key), starting with "-----BEGIN PUBLIC KEY-----"`
    )
  }

  const apiUrl = (
    nonEmpty(options.apiUrl) ??
    nonEmpty(env.CLERK_API_URL) ??
    DEFAULT_CLERK_API_URL
  ).replace(/\/+$/, "")
  if (!isUrl(apiUrl)) {
    problems.push(`option "apiUrl" (or env CLERK_API_URL) is not a URL: ${apiUrl}`)
  }

  const timeoutRaw = options.apiTimeoutMs ?? env.CLERK_API_TIMEOUT_MS
  const apiTimeoutMs =
    timeoutRaw === undefined || timeoutRaw === ""
      ? DEFAULT_API_TIMEOUT_MS
      : Number(timeoutRaw)
  if (!Number.isFinite(apiTimeoutMs) || apiTimeoutMs <= 0) {
    problems.push(`option "apiTimeoutMs" must be a positive number of milliseconds`)
  }

  const accountTypeSource = options.accountTypeSource ?? "unsafe_metadata"
  if (!["unsafe_metadata", "public_metadata"].includes(accountTypeSource)) {
    problems.push(
      `option "accountTypeSource" must be "unsafe_metadata" or "public_metadata"`
    )
  }

  return {
    options: {
      secretKey,
      jwtKey,
      apiUrl,
      authorizedParties,
      issuer: nonEmpty(options.issuer) ?? nonEmpty(env.CLERK_ISSUER),
      webhookSigningSecret:
        nonEmpty(options.webhookSigningSecret) ??
        nonEmpty(env.CLERK_WEBHOOK_SIGNING_SECRET),
      apiTimeoutMs: Number.isFinite(apiTimeoutMs) && apiTimeoutMs > 0 ? apiTimeoutMs : DEFAULT_API_TIMEOUT_MS,
      accountTypeSource,
    },
    problems,
  }
}

/**
 * The resolved options, or an `INVALID_DATA` error naming every missing or
 * invalid option (a misconfigured store must not serve half-working).
 */
export function assertClerkOptions({
  options,
  problems,
}: ClerkOptionsResolution): ResolvedClerkOptions {
  if (problems.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${PREFIX}: ${problems.join("; ")}`
    )
  }
  return options
}
