import http from "node:http"
import { startViesStandIn } from "../../../../integration-tests/helpers/vies-stand-in"
import { resolveViesOptions, viesRetryDelayMs } from "../options"
import ViesModuleService from "../service"

describe("resolveViesOptions", () => {
  it("is off by default, with the Commission's URL and the documented defaults", () => {
    expect(resolveViesOptions({}, {})).toEqual({
      enabled: false,
      apiUrl: "https://ec.europa.eu/taxation_customs/vies/rest-api",
      timeoutMs: 10_000,
      requester: null,
      maxAttempts: 10,
      retryBaseMs: 300_000,
      retryMaxMs: 21_600_000,
      autoVerify: null,
    })
  })

  it("falls back to ROLE_SYNC_VIES_* and ROLE_SYNC_AUTO_VERIFY; options win", () => {
    const env = {
      ROLE_SYNC_VIES_ENABLED: "true",
      ROLE_SYNC_VIES_API_URL: "http://127.0.0.1:1/",
      ROLE_SYNC_VIES_TIMEOUT_MS: "250",
      ROLE_SYNC_VIES_REQUESTER_VAT_ID: "el 094259216",
      ROLE_SYNC_AUTO_VERIFY: "vies_name_match",
    }
    expect(resolveViesOptions({}, env)).toEqual(
      expect.objectContaining({
        enabled: true,
        apiUrl: "http://127.0.0.1:1",
        timeoutMs: 250,
        requester: { vatId: "EL094259216", countryCode: "EL", vatNumber: "094259216" },
        autoVerify: "vies_name_match",
      })
    )
    expect(resolveViesOptions({ vies: { enabled: false, timeoutMs: 900 } }, env)).toEqual(
      expect.objectContaining({ enabled: false, timeoutMs: 900 })
    )
  })

  it.each([
    [{ vies: { timeoutMs: 0 } }, /vies\.timeoutMs/],
    [{ vies: { maxAttempts: 1.5 } }, /vies\.maxAttempts/],
    [{ vies: { enabled: "yes" } }, /vies\.enabled/],
    [{ vies: { apiUrl: "ftp://vies" } }, /vies\.apiUrl/],
    [{ vies: { requesterVatId: "GB980780684" } }, /vies\.requesterVatId.*EU/],
    [{ vies: { requesterVatId: "DE136695978" } }, /vies\.requesterVatId.*check digit/],
    [{ vies: { retryBaseMs: 10, retryMaxMs: 5 } }, /vies\.retryMaxMs/],
    [{ autoVerify: "always" }, /autoVerify/],
  ])("refuses %j at start-up, naming the option", (options, message) => {
    expect(() => resolveViesOptions(options as any, {})).toThrow(message)
  })

  it("backs off exponentially, capped", () => {
    const options = { retryBaseMs: 1000, retryMaxMs: 5000 }
    expect([1, 2, 3, 4, 10].map((n) => viesRetryDelayMs(options, n))).toEqual([1000, 2000, 4000, 5000, 5000])
  })
})

describe("ViesModuleService.checkVatNumber (against the stand-in on 127.0.0.1)", () => {
  let vies: Awaited<ReturnType<typeof startViesStandIn>>
  beforeAll(async () => {
    vies = await startViesStandIn({
      traders: { DE136695976: { name: "ACME GMBH", address: "Musterstr. 1" }, DE111111117: { name: "---", address: "---" } },
    })
  })
  afterAll(() => vies.close())
  beforeEach(() => vies.reset())

  const client = (extra: Record<string, unknown> = {}) =>
    new ViesModuleService({}, { vies: { apiUrl: vies.url, timeoutMs: 300, ...extra } })

  it("answers valid with name and address; a consultation number only with a requester", async () => {
    expect(await client().checkVatNumber({ countryCode: "DE", vatNumber: "136695976" })).toEqual({
      kind: "answer",
      valid: true,
      request_date: expect.any(String),
      consultation_number: null,
      registered_name: "ACME GMBH",
      registered_address: "Musterstr. 1",
    })
    const withRequester = await client({ requesterVatId: "DE123456788" }).checkVatNumber({ countryCode: "DE", vatNumber: "136695976" })
    expect(withRequester).toEqual(expect.objectContaining({ valid: true, consultation_number: expect.stringMatching(/^WAPI/) }))
    expect(vies.requests.at(-1)?.body).toEqual({
      countryCode: "DE",
      vatNumber: "136695976",
      requesterMemberStateCode: "DE",
      requesterNumber: "123456788",
    })
  })

  it("reads an undisclosed name (---) as none, and an unregistered number as invalid", async () => {
    expect(await client().checkVatNumber({ countryCode: "DE", vatNumber: "111111117" })).toEqual(
      expect.objectContaining({ valid: true, registered_name: null, registered_address: null })
    )
    expect(await client().checkVatNumber({ countryCode: "DE", vatNumber: "123456788" })).toEqual(
      expect.objectContaining({ kind: "answer", valid: false })
    )
  })

  it.each([
    "MS_UNAVAILABLE",
    "TIMEOUT",
    "MS_MAX_CONCURRENT_REQ",
    "MS_MAX_CONCURRENT_REQ_TIME",
    "GLOBAL_MAX_CONCURRENT_REQ",
    "GLOBAL_MAX_CONCURRENT_REQ_TIME",
    "SERVICE_UNAVAILABLE",
    "INVALID_REQUESTER_INFO",
    "VAT_BLOCKED",
    "IP_BLOCKED",
  ])("maps the fault %s (HTTP 200 or 500) to a fault, never an answer", async (code) => {
    for (const status of [200, 500]) {
      vies.setFault(code, { status })
      expect(await client().checkVatNumber({ countryCode: "DE", vatNumber: "136695976" })).toEqual({
        kind: "fault",
        code,
        message: expect.any(String),
      })
    }
  })

  it("a hang is a REQUEST_TIMEOUT after timeoutMs, a dropped connection a NETWORK_ERROR", async () => {
    vies.setMode("hang")
    const started = Date.now()
    expect(await client().checkVatNumber({ countryCode: "DE", vatNumber: "136695976" })).toEqual(
      expect.objectContaining({ kind: "fault", code: "REQUEST_TIMEOUT" })
    )
    expect(Date.now() - started).toBeLessThan(2000)
    vies.setMode("reset")
    expect(await client().checkVatNumber({ countryCode: "DE", vatNumber: "136695976" })).toEqual(
      expect.objectContaining({ kind: "fault", code: "NETWORK_ERROR" })
    )
  })

  describe("answers that are no answer", () => {
    let server: http.Server
    let url: string
    let reply: (res: http.ServerResponse) => void
    beforeAll(async () => {
      server = http.createServer((_req, res) => reply(res))
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
      url = `http://127.0.0.1:${(server.address() as any).port}`
    })
    afterAll(() => new Promise((resolve) => server.close(resolve)))

    it.each([
      ["an HTTP error without a body", (res: http.ServerResponse) => { res.writeHead(502); res.end() }, "HTTP_502"],
      ["HTML", (res: http.ServerResponse) => { res.writeHead(200, { "content-type": "text/html" }); res.end("<html>maintenance</html>") }, "BAD_RESPONSE"],
      ["no verdict", (res: http.ServerResponse) => { res.writeHead(200); res.end(JSON.stringify({ countryCode: "DE", vatNumber: "136695976" })) }, "BAD_RESPONSE"],
      ["a string verdict", (res: http.ServerResponse) => { res.writeHead(200); res.end(JSON.stringify({ countryCode: "DE", vatNumber: "136695976", valid: "true" })) }, "BAD_RESPONSE"],
      ["another number's answer", (res: http.ServerResponse) => { res.writeHead(200); res.end(JSON.stringify({ countryCode: "DE", vatNumber: "111111117", valid: true })) }, "BAD_RESPONSE"],
    ])("%s is a fault (%s), never valid", async (_name, handler, code) => {
      reply = handler
      const service = new ViesModuleService({}, { vies: { apiUrl: url, timeoutMs: 300 } })
      expect(await service.checkVatNumber({ countryCode: "DE", vatNumber: "136695976" })).toEqual(
        expect.objectContaining({ kind: "fault", code })
      )
    })
  })
})
