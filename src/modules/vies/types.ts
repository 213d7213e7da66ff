/**
 * Fault codes VIES reports in `errorWrappers[].error` (REST API,
 * swagger_publicVAT.yaml; the same codes as the SOAP service's faults),
 * plus the plugin's own for answers that never came.
 */
export const VIES_FAULT_CODES = {
  // VIES's own
  INVALID_INPUT: "INVALID_INPUT",
  INVALID_REQUESTER_INFO: "INVALID_REQUESTER_INFO",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  MS_UNAVAILABLE: "MS_UNAVAILABLE",
  TIMEOUT: "TIMEOUT",
  VAT_BLOCKED: "VAT_BLOCKED",
  IP_BLOCKED: "IP_BLOCKED",
  GLOBAL_MAX_CONCURRENT_REQ: "GLOBAL_MAX_CONCURRENT_REQ",
  GLOBAL_MAX_CONCURRENT_REQ_TIME: "GLOBAL_MAX_CONCURRENT_REQ_TIME",
  MS_MAX_CONCURRENT_REQ: "MS_MAX_CONCURRENT_REQ",
  MS_MAX_CONCURRENT_REQ_TIME: "MS_MAX_CONCURRENT_REQ_TIME",
  // The plugin's: no usable answer reached us.
  REQUEST_TIMEOUT: "REQUEST_TIMEOUT",
  NETWORK_ERROR: "NETWORK_ERROR",
  BAD_RESPONSE: "BAD_RESPONSE",
} as const

/** VIES said whether the number is registered. */
export type ViesAnswer = {
  kind: "answer"
  valid: boolean
  /** VIES's `requestDate` as given (ISO date-time). */
  request_date: string | null
  /** VIES's `requestIdentifier`: only when a requester was sent. */
  consultation_number: string | null
  /** Null when the member state does not disclose it ("---"). */
  registered_name: string | null
  registered_address: string | null
}

/**
 * No answer: an outage, a rate limit, a time-out, a refusal. Never means
 * the number is valid or invalid. `code` is a VIES fault code, one of the
 * plugin's (`REQUEST_TIMEOUT`, `NETWORK_ERROR`, `BAD_RESPONSE`) or
 * `HTTP_<status>`.
 */
export type ViesFault = {
  kind: "fault"
  code: string
  message: string
}

export type ViesOutcome = ViesAnswer | ViesFault
