import {
  resolveViesOptions,
  type ResolvedViesOptions,
  type ViesPluginOptions,
} from "./options"
import { VIES_FAULT_CODES, type ViesFault, type ViesOutcome } from "./types"

/*
 * VIES REST API ("VIES on-the-Web"), as the European Commission documents it
 * in its OpenAPI file https://ec.europa.eu/assets/taxud/vow-information/swagger_publicVAT.yaml
 * (technical information: https://ec.europa.eu/taxation_customs/vies/#/technical-information):
 *
 *   POST {base}/check-vat-number      base https://ec.europa.eu/taxation_customs/vies/rest-api
 *   request  CheckVatRequest  { countryCode, vatNumber,
 *                               requesterMemberStateCode?, requesterNumber?, trader…? }
 *   answer   CheckVatResponse { countryCode, vatNumber, requestDate (date-time),
 *                               valid (boolean), requestIdentifier?, name?, address?,
 *                               trader…?, trader…Match? }
 *   fault    CommonResponse   { actionSucceed: false,
 *                               errorWrappers: [{ error: "MS_UNAVAILABLE", message? }] }
 *
 * countryCode is the VIES member-state code (EL for Greece, XI for Northern
 * Ireland), vatNumber the number without it. requestIdentifier, the
 * consultation number, is returned only when a requester is given. Member
 * states that do not disclose names answer "---". Faults come with HTTP 200
 * or an error status; the codes are those of the SOAP service
 * (INVALID_INPUT, INVALID_REQUESTER_INFO, SERVICE_UNAVAILABLE,
 * MS_UNAVAILABLE, TIMEOUT, VAT_BLOCKED, IP_BLOCKED,
 * GLOBAL_MAX_CONCURRENT_REQ(_TIME), MS_MAX_CONCURRENT_REQ(_TIME)).
 * The shapes above were read from clients generated from that OpenAPI file
 * (omisai-tech/php-vies-rest src/Model/CheckVatResponse.php, rocketfellows/
 * vies-vat-validation-php-sdk-rest src/helpers/ResponseErrorFactory.php)
 * and the Commission's test-service description (checkVatTestService.wsdl).
 */

const MAX_BODY_CHARS = 200_000
const MAX_TEXT = 1000

const text = (value: unknown, max = MAX_TEXT): string | null => {
  if (typeof value !== "string") {
    return null
  }
  const trimmed = value.trim()
  // "---": the member state does not disclose it.
  if (!trimmed || /^-+$/.test(trimmed)) {
    return null
  }
  return trimmed.slice(0, max)
}

const fault = (code: string, message: string): ViesFault => ({
  kind: "fault",
  code,
  message: message.slice(0, MAX_TEXT),
})

const sameNumber = (a: unknown, b: string) =>
  typeof a !== "string" || a.toUpperCase().replace(/[^A-Z0-9]/g, "") === b

/**
 * The one place that talks to VIES. Every call is bounded by `timeoutMs`
 * and never throws for what VIES or the network do: it returns an answer
 * (valid or not) or a fault. A fault never means valid.
 */
export default class ViesModuleService {
  protected readonly options_: ResolvedViesOptions

  constructor(_deps: Record<string, unknown>, options: ViesPluginOptions = {}) {
    this.options_ = resolveViesOptions(options)
  }

  getOptions(): ResolvedViesOptions {
    return this.options_
  }

  /**
   * Asks VIES whether a VAT number is registered.
   *
   * @param input.countryCode VIES member-state code (`DE`, `EL`, `XI`, …).
   * @param input.vatNumber The number without its prefix.
   * @returns `{ kind: "answer", valid, … }` only when VIES answered with a
   *   boolean `valid`; anything else is `{ kind: "fault", code, message }`.
   */
  async checkVatNumber(input: { countryCode: string; vatNumber: string }): Promise<ViesOutcome> {
    const { apiUrl, timeoutMs, requester } = this.options_
    const body: Record<string, string> = {
      countryCode: input.countryCode,
      vatNumber: input.vatNumber,
    }
    if (requester) {
      body.requesterMemberStateCode = requester.countryCode
      body.requesterNumber = requester.vatNumber
    }

    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    let status: number
    let raw: string
    try {
      const response = await fetch(`${apiUrl}/check-vat-number`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "user-agent": "medusa-plugin-role-sync",
        },
        body: JSON.stringify(body),
        signal: controller.signal,
      })
      status = response.status
      raw = await response.text()
    } catch (e) {
      if (controller.signal.aborted) {
        return fault(
          VIES_FAULT_CODES.REQUEST_TIMEOUT,
          `VIES did not answer within ${timeoutMs} ms`
        )
      }
      const cause = (e as { cause?: { code?: string; message?: string } })?.cause
      return fault(
        VIES_FAULT_CODES.NETWORK_ERROR,
        `VIES could not be reached: ${cause?.code ?? cause?.message ?? (e as Error)?.message ?? "unknown error"}`
      )
    } finally {
      clearTimeout(timer)
    }

    if (raw.length > MAX_BODY_CHARS) {
      return fault(VIES_FAULT_CODES.BAD_RESPONSE, `VIES answered HTTP ${status} with an oversized body`)
    }
    let json: any = null
    try {
      json = raw ? JSON.parse(raw) : null
    } catch {
      json = null
    }

    const wrapper = Array.isArray(json?.errorWrappers) ? json.errorWrappers[0] : null
    if (wrapper) {
      const code =
        typeof wrapper.error === "string" && /^[A-Z0-9_]{1,64}$/.test(wrapper.error)
          ? wrapper.error
          : VIES_FAULT_CODES.BAD_RESPONSE
      return fault(code, text(wrapper.message) ?? `VIES reported ${code}`)
    }
    if (status < 200 || status > 299) {
      return fault(`HTTP_${status}`, `VIES answered HTTP ${status}`)
    }
    if (!json || typeof json !== "object" || typeof json.valid !== "boolean") {
      return fault(VIES_FAULT_CODES.BAD_RESPONSE, "VIES answered without a valid/invalid verdict")
    }
    // An answer about another number is no answer about this one.
    if (
      (json.countryCode !== undefined && json.countryCode !== input.countryCode) ||
      !sameNumber(json.vatNumber, input.vatNumber)
    ) {
      return fault(VIES_FAULT_CODES.BAD_RESPONSE, "VIES answered about a different number")
    }

    return {
      kind: "answer",
      valid: json.valid,
      request_date: text(json.requestDate, 64),
      consultation_number: text(json.requestIdentifier, 128),
      registered_name: text(json.name),
      registered_address: text(json.address),
    }
  }
}
