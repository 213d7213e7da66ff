// A stand-in for the European Commission's VIES REST API, for tests and for
// trying VIES checks without reaching the real service (`npm run dev` starts
// it when VIES is enabled without an apiUrl). CommonJS so jest and .mjs
// scripts share it. Listens on 127.0.0.1 only; never loaded by the plugin at
// runtime.
//
// Shapes, as the Commission documents them in
// https://ec.europa.eu/assets/taxud/vow-information/swagger_publicVAT.yaml
// (see src/modules/vies/service.ts for the sources read):
//   POST /check-vat-number
//     { countryCode, vatNumber, requesterMemberStateCode?, requesterNumber? }
//   200 { countryCode, vatNumber, requestDate, valid, requestIdentifier?, name, address }
//       requestIdentifier (the consultation number) only with a requester;
//       "---" for a name or address the member state does not disclose.
//   fault { actionSucceed: false, errorWrappers: [{ error: "MS_UNAVAILABLE", message }] }
//       with the fault codes of the Commission's test service
//       (checkVatTestService: INVALID_INPUT, INVALID_REQUESTER_INFO,
//       SERVICE_UNAVAILABLE, MS_UNAVAILABLE, TIMEOUT, VAT_BLOCKED, IP_BLOCKED,
//       GLOBAL_MAX_CONCURRENT_REQ(_TIME), MS_MAX_CONCURRENT_REQ(_TIME)).
"use strict"

const crypto = require("node:crypto")
const http = require("node:http")

const VIES_COUNTRY_CODES = [
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU",
  "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
]

const FAULT_MESSAGES = {
  INVALID_INPUT: "The provided CountryCode is invalid or the VAT number is empty",
  INVALID_REQUESTER_INFO: "The requester information is invalid",
  SERVICE_UNAVAILABLE: "An error was encountered either at the network level or the Web application level, try again later",
  MS_UNAVAILABLE: "The application at the Member State is not replying or not available",
  TIMEOUT: "The application did not receive a reply within the allocated time period, try again later",
  VAT_BLOCKED: "The VAT number is blocked",
  IP_BLOCKED: "The IP address is blocked",
  GLOBAL_MAX_CONCURRENT_REQ: "Your request for VAT validation has not been processed; the maximum number of concurrent requests has been reached",
  GLOBAL_MAX_CONCURRENT_REQ_TIME: "Your request for VAT validation has not been processed; the maximum number of requests has been reached",
  MS_MAX_CONCURRENT_REQ: "Your request for VAT validation has not been processed; the maximum number of concurrent requests for this Member State has been reached",
  MS_MAX_CONCURRENT_REQ_TIME: "Your request for VAT validation has not been processed; the maximum number of requests for this Member State has been reached",
}

/**
 * Starts the VIES stand-in.
 * - `traders`: { "DE136695976": { name, address } } are registered (valid);
 *   any other number answers valid: false, unless `defaultTrader` is given
 *   (then every number is registered under that name and address).
 * - `flakyFirstCall`: the first request for each number answers
 *   MS_UNAVAILABLE, later ones answer normally (dev mode shows pending → valid).
 * - `setMode("ok" | "hang" | "reset")` ("reset" drops the connection: a
 *   network error), `setFault(code, { status })` for every request,
 *   `failNext(count, code, { status })` for the next requests only,
 *   `hold(predicate)` keeps matching requests waiting until `release()`.
 */
async function startViesStandIn({ port = 0, traders = {}, defaultTrader = null, flakyFirstCall = false } = {}) {
  const registry = new Map(Object.entries(traders))
  const requests = []
  const pending = new Set()
  const seen = new Set()
  let mode = "ok"
  let fault = null
  const queuedFaults = []
  let holdWhen = null
  const held = []

  const json = (res, status, body) => {
    res.writeHead(status, { "Content-Type": "application/json" })
    res.end(JSON.stringify(body))
  }
  const sendFault = (res, code, status = 200) =>
    json(res, status, {
      actionSucceed: false,
      errorWrappers: [{ error: code, message: FAULT_MESSAGES[code] ?? code }],
    })

  const handle = (req, res, body) => {
    const url = new URL(req.url, "http://127.0.0.1")
    if (url.pathname !== "/check-vat-number" || req.method !== "POST") {
      return json(res, 404, { actionSucceed: false, errorWrappers: [{ error: "NOT_FOUND", message: `No route ${req.method} ${url.pathname}` }] })
    }
    let params
    try {
      params = JSON.parse(body || "{}")
    } catch {
      return sendFault(res, "INVALID_INPUT", 400)
    }
    const countryCode = typeof params.countryCode === "string" ? params.countryCode : ""
    const vatNumber = typeof params.vatNumber === "string" ? params.vatNumber.replace(/[\s.-]/g, "").toUpperCase() : ""
    if (!VIES_COUNTRY_CODES.includes(countryCode) || !vatNumber) {
      return sendFault(res, "INVALID_INPUT", 400)
    }
    const hasRequester = !!(params.requesterMemberStateCode || params.requesterNumber)
    if (hasRequester && (!VIES_COUNTRY_CODES.includes(params.requesterMemberStateCode) || !params.requesterNumber)) {
      return sendFault(res, "INVALID_REQUESTER_INFO", 400)
    }

    const queued = queuedFaults.shift()
    if (queued) return sendFault(res, queued.code, queued.status)
    if (fault) return sendFault(res, fault.code, fault.status)
    const key = `${countryCode}${vatNumber}`
    if (flakyFirstCall && !seen.has(key)) {
      seen.add(key)
      return sendFault(res, "MS_UNAVAILABLE")
    }

    const trader = registry.get(key) ?? defaultTrader
    const answer = {
      countryCode,
      vatNumber,
      requestDate: new Date().toISOString(),
      valid: !!trader,
      name: trader ? (trader.name ?? "---") : "---",
      address: trader ? (trader.address ?? "---") : "---",
    }
    if (hasRequester) {
      answer.requestIdentifier = `WAPI${crypto.randomBytes(6).toString("hex").toUpperCase()}`
    }
    return json(res, 200, answer)
  }

  const server = http.createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      let parsed = null
      try {
        parsed = JSON.parse(body || "null")
      } catch {}
      requests.push({ method: req.method, path: req.url, body: parsed, at: Date.now() })
      if (mode === "hang") {
        pending.add(res)
        res.on("close", () => pending.delete(res))
        return
      }
      if (mode === "reset") {
        req.socket.destroy()
        return
      }
      if (holdWhen && parsed && holdWhen(parsed)) {
        held.push(() => handle(req, res, body))
        return
      }
      handle(req, res, body)
    })
  })
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve))
  const address = server.address()

  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    /** Registers a number (as VIES is asked: "DE" + "136695976") with its trader's name and address. */
    putTrader(countryCode, vatNumber, trader = {}) {
      registry.set(`${countryCode}${vatNumber}`, trader)
    },
    removeTrader(countryCode, vatNumber) {
      registry.delete(`${countryCode}${vatNumber}`)
    },
    /** "ok" answers; "hang" never answers (until the mode changes or the stand-in closes). */
    setMode(next) {
      mode = next
      if (next !== "hang") {
        for (const res of pending) res.destroy()
        pending.clear()
      }
    },
    /** Requests whose JSON body matches `predicate` wait until `release()`. */
    hold(predicate) {
      holdWhen = predicate
    },
    /** How many requests are waiting. */
    heldCount() {
      return held.length
    },
    /** Answers the waiting requests (as the stand-in stands now) and stops holding. */
    release() {
      holdWhen = null
      for (const answer of held.splice(0)) answer()
    },
    /** Every request gets this fault (null: none) with this HTTP status (default 200). */
    setFault(code, { status = 200 } = {}) {
      fault = code ? { code, status } : null
    },
    /** The next `count` requests get this fault, then answers resume. */
    failNext(count, code, { status = 200 } = {}) {
      for (let i = 0; i < count; i++) queuedFaults.push({ code, status })
    },
    /** Back to answering every request: no fault, no hang, nothing queued. */
    reset() {
      this.setMode("ok")
      this.release()
      fault = null
      queuedFaults.length = 0
      seen.clear()
      requests.length = 0
    },
    count() {
      return requests.length
    },
    resetRequests() {
      requests.length = 0
    },
    async close() {
      for (const res of pending) res.destroy()
      server.closeAllConnections?.()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

module.exports = { startViesStandIn, VIES_COUNTRY_CODES, VIES_FAULT_MESSAGES: FAULT_MESSAGES }
