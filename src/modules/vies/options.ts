import { MedusaError } from "@medusajs/framework/utils"
import type { AutoVerifyMode, RoleSyncPluginOptions } from "../../types/options"
import { normalizeTaxId, TaxIdValidationError } from "../../utils/tax-id"

export type { AutoVerifyMode }

/** The plugin options this module reads (the host passes the plugin's options to every module). */
export type ViesPluginOptions = Pick<RoleSyncPluginOptions, "vies" | "autoVerify">

export type ResolvedViesOptions = {
  enabled: boolean
  apiUrl: string
  timeoutMs: number
  requester: { vatId: string; countryCode: string; vatNumber: string } | null
  maxAttempts: number
  retryBaseMs: number
  retryMaxMs: number
  autoVerify: AutoVerifyMode | null
}

// The REST API of VIES ("VIES on-the-Web"): see ./service.ts for its shapes.
export const DEFAULT_VIES_API_URL =
  "https://ec.europa.eu/taxation_customs/vies/rest-api"
export const DEFAULT_VIES_TIMEOUT_MS = 10_000
export const DEFAULT_VIES_MAX_ATTEMPTS = 10
export const DEFAULT_VIES_RETRY_BASE_MS = 5 * 60 * 1000
export const DEFAULT_VIES_RETRY_MAX_MS = 6 * 60 * 60 * 1000

const PREFIX = "medusa-plugin-role-sync"

const invalid = (message: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `${PREFIX}: ${message}`)

const positive = (name: string, value: unknown, fallback: number, integer = false) => {
  if (value === undefined || value === null || value === "") {
    return fallback
  }
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw invalid(`option "${name}" must be a positive ${integer ? "whole number" : "number"}, got ${JSON.stringify(value)}`)
  }
  return n
}

const flag = (name: string, value: unknown): boolean => {
  if (value === undefined || value === null || value === "") {
    return false
  }
  if (typeof value === "boolean") {
    return value
  }
  if (value === "true" || value === "false") {
    return value === "true"
  }
  throw invalid(`option "${name}" must be true or false, got ${JSON.stringify(value)}`)
}

/** Environment fallbacks, one per option (like the Clerk options' CLERK_*). */
export const VIES_ENV = {
  enabled: "ROLE_SYNC_VIES_ENABLED",
  apiUrl: "ROLE_SYNC_VIES_API_URL",
  timeoutMs: "ROLE_SYNC_VIES_TIMEOUT_MS",
  requesterVatId: "ROLE_SYNC_VIES_REQUESTER_VAT_ID",
  maxAttempts: "ROLE_SYNC_VIES_MAX_ATTEMPTS",
  retryBaseMs: "ROLE_SYNC_VIES_RETRY_BASE_MS",
  retryMaxMs: "ROLE_SYNC_VIES_RETRY_MAX_MS",
  autoVerify: "ROLE_SYNC_AUTO_VERIFY",
} as const

/**
 * Resolves and validates the VIES options (DESIGN §11.3-4); each option
 * falls back to its environment variable (`VIES_ENV`). Throws at start-up
 * naming the option, so a misconfigured store never boots half-working.
 */
export function resolveViesOptions(
  options: ViesPluginOptions = {},
  env: NodeJS.ProcessEnv = process.env
): ResolvedViesOptions {
  const given = options.vies ?? {}
  if (typeof given !== "object") {
    throw invalid(`option "vies" must be an object such as { enabled: true }`)
  }
  const fromEnv = (name: keyof typeof VIES_ENV) => {
    const value = env[VIES_ENV[name]]
    return value === undefined || value === "" ? undefined : value
  }
  const pick = <K extends keyof NonNullable<ViesPluginOptions["vies"]>>(name: K) =>
    given[name] === undefined || given[name] === null || given[name] === ""
      ? (fromEnv(name) as NonNullable<ViesPluginOptions["vies"]>[K])
      : given[name]
  const vies: NonNullable<ViesPluginOptions["vies"]> = {
    enabled: pick("enabled"),
    apiUrl: pick("apiUrl"),
    timeoutMs: pick("timeoutMs"),
    requesterVatId: pick("requesterVatId"),
    maxAttempts: pick("maxAttempts"),
    retryBaseMs: pick("retryBaseMs"),
    retryMaxMs: pick("retryMaxMs"),
  }

  const apiUrl = (
    typeof vies.apiUrl === "string" && vies.apiUrl.trim() ? vies.apiUrl.trim() : DEFAULT_VIES_API_URL
  ).replace(/\/+$/, "")
  try {
    const url = new URL(apiUrl)
    if (!["http:", "https:"].includes(url.protocol)) {
      throw new Error("not http(s)")
    }
  } catch {
    throw invalid(`option "vies.apiUrl" is not an http(s) URL: ${apiUrl}`)
  }

  let requester: ResolvedViesOptions["requester"] = null
  if (typeof vies.requesterVatId === "string" && vies.requesterVatId.trim()) {
    let normalized
    try {
      normalized = normalizeTaxId(vies.requesterVatId)
    } catch (e) {
      if (e instanceof TaxIdValidationError) {
        throw invalid(`option "vies.requesterVatId" ${e.reason}`)
      }
      throw e
    }
    if (!normalized?.vies_country_code || !normalized.vies_vat_number) {
      throw invalid(
        `option "vies.requesterVatId" must be the store's own EU VAT number with its prefix (e.g. DE136695976): VIES only accepts EU and XI requesters`
      )
    }
    requester = {
      vatId: normalized.tax_id,
      countryCode: normalized.vies_country_code,
      vatNumber: normalized.vies_vat_number,
    }
  } else if (vies.requesterVatId !== undefined && vies.requesterVatId !== null && vies.requesterVatId !== "") {
    throw invalid(`option "vies.requesterVatId" must be a string such as "DE136695976"`)
  }

  const autoVerify = options.autoVerify ?? fromEnv("autoVerify") ?? null
  if (autoVerify !== null && autoVerify !== false && autoVerify !== "vies_name_match") {
    throw invalid(`option "autoVerify" must be "vies_name_match" or left out, got ${JSON.stringify(autoVerify)}`)
  }

  const retryBaseMs = positive("vies.retryBaseMs", vies.retryBaseMs, DEFAULT_VIES_RETRY_BASE_MS)
  const retryMaxMs = positive("vies.retryMaxMs", vies.retryMaxMs, DEFAULT_VIES_RETRY_MAX_MS)
  if (retryMaxMs < retryBaseMs) {
    throw invalid(`option "vies.retryMaxMs" must not be less than "vies.retryBaseMs"`)
  }

  return {
    enabled: flag("vies.enabled", vies.enabled),
    apiUrl,
    timeoutMs: positive("vies.timeoutMs", vies.timeoutMs, DEFAULT_VIES_TIMEOUT_MS),
    requester,
    maxAttempts: positive("vies.maxAttempts", vies.maxAttempts, DEFAULT_VIES_MAX_ATTEMPTS, true),
    retryBaseMs,
    retryMaxMs,
    autoVerify: autoVerify || null,
  }
}

/**
 * Wait before the next attempt after `attempts` failed ones, in ms:
 * retryBaseMs, doubled per attempt, capped at retryMaxMs.
 */
export function viesRetryDelayMs(
  options: Pick<ResolvedViesOptions, "retryBaseMs" | "retryMaxMs">,
  attempts: number
): number {
  const exponent = Math.max(0, attempts - 1)
  return Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.min(exponent, 30))
}
