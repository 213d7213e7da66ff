import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { testDbName } from "../helpers/db-name"
import { useOfflineClerk } from "../helpers/clerk"
import { useOfflineVies } from "../helpers/vies"
import {
  collectEvents,
  createAdminToken,
  createStoreContext,
  httpClient,
  settle,
} from "../helpers/medusa"
import { CUSTOMER_META_MODULE } from "../../src/modules/customer-meta"
import { TAX_ID_CHECK_MODULE } from "../../src/modules/tax-id-check"
import { retryDueTaxIdChecks } from "../../src/jobs/retry-tax-id-checks"

jest.setTimeout(120 * 1000)

// Sample VAT numbers with valid check digits (public examples).
const ACME_VAT = { raw: "DE 136 695 976", canonical: "DE136695976", cc: "DE", number: "136695976" }
const OTHER_VAT = { raw: "DE 111 111 117", canonical: "DE111111117", cc: "DE", number: "111111117" }
const GREEK_VAT = { raw: "EL 094259216", canonical: "EL094259216", cc: "EL", number: "094259216" }
const REQUESTER = "DE123456788"

const MAX_ATTEMPTS = 3
const RETRY_BASE_MS = 60_000
// Long enough for a held answer to come back late within one test.
const TIMEOUT_MS = 4000

const clerk = useOfflineClerk()
const vies = useOfflineVies({
  ROLE_SYNC_VIES_TIMEOUT_MS: String(TIMEOUT_MS),
  ROLE_SYNC_VIES_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
  ROLE_SYNC_VIES_RETRY_BASE_MS: String(RETRY_BASE_MS),
  ROLE_SYNC_VIES_REQUESTER_VAT_ID: REQUESTER,
  ROLE_SYNC_AUTO_VERIFY: "vies_name_match",
})
const env: Record<string, string> = {}
beforeAll(() => {
  Object.assign(env, clerk.env, vies.env)
})

/** Polls until `read()` satisfies `done`, or fails after `timeoutMs`. */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let value = await read()
  while (!done(value)) {
    if (Date.now() > deadline) {
      throw new Error(`waitFor timed out; last value: ${JSON.stringify(value)}`)
    }
    await new Promise((r) => setTimeout(r, 50))
    value = await read()
  }
  return value
}

medusaIntegrationTestRunner({
  dbName: testDbName("tax-ids"),
  env,
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let admin: { token: string; userId: string }
    const http = () => httpClient(api)

    beforeEach(async () => {
      const store = await createStoreContext(getContainer())
      pk = store.publishableKey
      admin = await createAdminToken(api, getContainer())
      clerk.clerk.setMode("ok")
      vies.vies.reset()
      vies.vies.putTrader(ACME_VAT.cc, ACME_VAT.number, { name: "ACME GMBH", address: "Musterstr. 1\n10115 Berlin" })
      vies.vies.removeTrader(OTHER_VAT.cc, OTHER_VAT.number)
    })
    afterEach(async () => {
      // Let background checks of this test end before the database is reset.
      vies.vies.reset()
      await settle(300)
    })

    const metas = () => getContainer().resolve(CUSTOMER_META_MODULE)
    const checks = () => getContainer().resolve(TAX_ID_CHECK_MODULE)
    const meta = (customerId: string) => metas().retrieveByCustomerId(customerId)
    const business = (metadata: Record<string, unknown>, email?: string) =>
      clerk.customer(api, pk, {
        unsafeMetadata: { accountType: "business", company: "Acme GmbH", ...metadata },
        ...(email ? { email } : {}),
      })
    const resync = (c: { user: any; token: string }, metadata: Record<string, unknown>) => {
      c.user.unsafe_metadata = { accountType: "business", company: "Acme GmbH", ...metadata }
      return http()("POST", "/store/customers/sync-role", { token: c.token, pk })
    }
    /** Waits until the customer's current check is no longer waiting for its first answer. */
    const settledCheck = async (customerId: string) => {
      const m = await waitFor(
        () => meta(customerId),
        (m: any) => !!m.tax_id_check_id
      )
      const check = await waitFor(
        () => checks().retrieveTaxIdCheck(m.tax_id_check_id),
        (c: any) => c.status !== "pending" || !!c.fault_code
      )
      // The role follows its current check in the apply workflow, right after.
      await waitFor(
        () => meta(customerId),
        (now: any) => now.tax_id_check_id !== check.id || now.tax_id_status === check.status
      )
      return check
    }
    const taxIdView = (customerId: string, token = admin.token) =>
      http()("GET", `/admin/customers/${customerId}/tax-id`, { token })
    const checkAgain = (customerId: string, token = admin.token) =>
      http()("POST", `/admin/customers/${customerId}/tax-id/check`, { token })
    const verify = (customerId: string, verified = true) =>
      http()("POST", "/admin/customers/verify", { token: admin.token, body: { customer_id: customerId, verified } })
    const groupMembers = async () => {
      const service = getContainer().resolve(Modules.CUSTOMER)
      const [group] = await service.listCustomerGroups({ name: "Verified businesses" })
      if (!group) return []
      return (await service.listCustomerGroupCustomers({ customer_group_id: group.id })).map((l) => l.customer_id)
    }
    const inFuture = (ms: number) => new Date(Date.now() + ms)

    describe("validation by country at sync", () => {
      it("a number that fails its country's rules → 422 invalid_metadata naming tax_id and saying what is wrong; nothing written, VIES not asked", async () => {
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ tax_id: "DE 136 695 978" }, /^unsafe_metadata\.tax_id is not a valid German VAT number.*: its check digit is wrong/],
          [{ tax_id: "DE 1366 9597" }, /^unsafe_metadata\.tax_id is not a valid German VAT number.*: its format is wrong \(expected DE followed by 9 digits\)/],
          [{ tax_id: "EL 094259217" }, /Greek VAT number.*check digit is wrong/],
          [{ taxId: "GB 123" }, /^unsafe_metadata\.taxId is not a valid UK VAT number.*format is wrong/],
          [{ tax_id: "00-3456789", tax_country: "us" }, /EIN.*format is wrong/],
        ]
        for (const [metadata, message] of cases) {
          const user = clerk.user({ unsafeMetadata: { accountType: "business", company: "Acme GmbH", ...metadata } })
          const signedIn = await http()("POST", "/auth/customer/clerk", { body: { token: clerk.token(user.id) } })
          const res = await http()("POST", "/store/customers/sync-role", { token: signedIn.data.token, pk })

          expect({ metadata, status: res.status, code: res.data.code }).toEqual({ metadata, status: 422, code: "invalid_metadata" })
          expect(res.data.message).toMatch(message)
        }
        expect(await metas().listCustomerMetas({})).toHaveLength(0)
        await settle()
        expect(vies.vies.count()).toBe(0)
      })

      it("keeps a number of a country without a validator, canonical, as unchecked, and never asks VIES", async () => {
        const c = await business({ tax_id: "12.345.678/0001-95", tax_country: "BR" })
        const m = await meta(c.customerId)
        expect(m).toEqual(
          expect.objectContaining({ tax_id: "12345678/000195", tax_id_country: "BR", tax_id_status: "unchecked", tax_id_check_id: null })
        )
        await settle()
        expect(vies.vies.count()).toBe(0)
      })

      it("checks GB, CH, NO, US, CA and AU numbers by format only: GB left VIES in 2021", async () => {
        for (const [metadata, canonical, country] of [
          [{ tax_id: "GB 980 7806 84" }, "GB980780684", "GB"],
          [{ tax_id: "CHE-107.787.577 MWST" }, "CHE107787577MWST", "CH"],
          [{ tax_id: "NO 995 525 828 MVA" }, "NO995525828MVA", "NO"],
          [{ tax_id: "12-3456789", tax_country: "US" }, "123456789", "US"],
          [{ tax_id: "12302 6635 RC 0001", tax_country: "CA" }, "123026635RC0001", "CA"],
          [{ tax_id: "83 914 571 673", tax_country: "AU" }, "83914571673", "AU"],
        ] as const) {
          const c = await business(metadata)
          expect(await meta(c.customerId)).toEqual(
            expect.objectContaining({ tax_id: canonical, tax_id_country: country, tax_id_status: "format_valid" })
          )
        }
        await settle()
        expect(vies.vies.count()).toBe(0)
      })

      it("the same number written differently is no change: a verified business stays verified (rule 5.3)", async () => {
        // A company name VIES does not match: the admin verifies.
        const c = await business({ tax_id: ACME_VAT.canonical, company: "Acme Trading" })
        await settledCheck(c.customerId)
        expect((await verify(c.customerId)).status).toBe(200)
        const events = collectEvents(getContainer(), ["customer_meta.unverified", "customer_meta.tax_id_changed"])
        vies.vies.resetRequests()

        const res = await resync(c, { tax_id: " de 136.695-976 ", company: "Acme Trading" })

        expect(res.status).toBe(200)
        expect(res.data.customer_meta).toEqual(
          expect.objectContaining({ tax_id: ACME_VAT.canonical, is_verified: true, tax_id_status: "valid" })
        )
        await settle()
        expect(events.seen).toEqual([])
        expect(vies.vies.count()).toBe(0)
        events.stop()
      })
    })

    describe("VIES in the background", () => {
      it("a set EU VAT number is checked after the sync answered: valid, with the evidence (consultation number with a requester)", async () => {
        const c = await business({ tax_id: ACME_VAT.raw, company: "Acme Trading" })
        const synced = await meta(c.customerId)
        expect(synced.tax_id).toBe(ACME_VAT.canonical)

        const check = await settledCheck(c.customerId)
        expect(check).toEqual(
          expect.objectContaining({
            status: "valid",
            tax_id: ACME_VAT.canonical,
            country_code: "DE",
            vat_number: "136695976",
            attempts: 1,
            next_attempt_at: null,
            fault_code: null,
            registered_name: "ACME GMBH",
            registered_address: "Musterstr. 1\n10115 Berlin",
            requester_vat_id: REQUESTER,
            consultation_number: expect.stringMatching(/^WAPI/),
            requested_by: "system",
          })
        )
        expect(vies.vies.requests).toHaveLength(1)
        expect(vies.vies.requests[0].body).toEqual({
          countryCode: "DE",
          vatNumber: "136695976",
          requesterMemberStateCode: "DE",
          requesterNumber: "123456788",
        })

        const view = await taxIdView(c.customerId)
        expect(view.status).toBe(200)
        expect(view.data.customer_meta).toEqual(
          expect.objectContaining({ tax_id_status: "valid", tax_id_check_id: check.id, tax_id_flagged_at: null })
        )
        expect(new Date(view.data.customer_meta.tax_id_checked_at).getTime()).toBe(new Date(check.checked_at).getTime())
        expect(view.data.tax_id_check).toEqual(
          expect.objectContaining({
            id: check.id,
            status: "valid",
            registered_name: "ACME GMBH",
            consultation_number: check.consultation_number,
            attempts: 1,
            max_attempts: MAX_ATTEMPTS,
          })
        )
        // "Acme Trading" is not the registered "ACME GMBH": no autoVerify.
        expect(view.data.customer_meta.is_verified).toBe(false)
      })

      it("asks VIES with the EL prefix for Greece", async () => {
        vies.vies.putTrader(GREEK_VAT.cc, GREEK_VAT.number, { name: "ACME AE" })
        const c = await business({ tax_id: GREEK_VAT.raw })
        const check = await settledCheck(c.customerId)
        expect(check).toEqual(expect.objectContaining({ status: "valid", country_code: "EL", vat_number: "094259216" }))
        expect((await meta(c.customerId)).tax_id_country).toBe("GR")
      })

      it("an unregistered number is invalid", async () => {
        const c = await business({ tax_id: OTHER_VAT.raw })
        const check = await settledCheck(c.customerId)
        expect(check.status).toBe("invalid")
        expect((await meta(c.customerId)).tax_id_status).toBe("invalid")
      })

      it("never blocks the sync: with VIES hanging the sync answers at once and the number stays pending", async () => {
        vies.vies.setMode("hang")
        const started = Date.now()
        const c = await business({ tax_id: ACME_VAT.raw })
        expect(Date.now() - started).toBeLessThan(TIMEOUT_MS)
        expect((await meta(c.customerId)).tax_id_status).not.toBe("valid")

        const check = await settledCheck(c.customerId)
        expect(check).toEqual(expect.objectContaining({ status: "pending", fault_code: "REQUEST_TIMEOUT" }))
        expect((await meta(c.customerId)).tax_id_status).toBe("pending")
      })

      it("an outage or a rate limit never yields valid: pending with the reason, retry scheduled with back-off", async () => {
        const faults: [string, number][] = [
          ["MS_UNAVAILABLE", 200],
          ["TIMEOUT", 200],
          ["MS_MAX_CONCURRENT_REQ", 200],
          ["GLOBAL_MAX_CONCURRENT_REQ", 200],
          ["SERVICE_UNAVAILABLE", 200],
          ["MS_UNAVAILABLE", 503],
          ["GLOBAL_MAX_CONCURRENT_REQ_TIME", 429],
        ]
        for (const [i, [code, status]] of faults.entries()) {
          vies.vies.setFault(code, { status })
          const before = Date.now()
          const c = await business({ tax_id: ACME_VAT.raw }, `outage-${i}@example.test`)

          const check = await settledCheck(c.customerId)
          expect({ code, status, check }).toEqual({
            code,
            status,
            check: expect.objectContaining({ status: "pending", fault_code: code, attempts: 1, checked_at: null }),
          })
          const next = new Date(check.next_attempt_at).getTime()
          expect(next).toBeGreaterThanOrEqual(before + RETRY_BASE_MS)
          expect(next).toBeLessThan(Date.now() + RETRY_BASE_MS + 1000)
          expect(await meta(c.customerId)).toEqual(
            expect.objectContaining({ tax_id_status: "pending", tax_id_checked_at: null, is_verified: false })
          )
        }
        // Each was asked once; ACME's number is registered, yet none is valid.
        expect(vies.vies.count()).toBe(faults.length)
      })

      it("a network error or an unknown fault never yields valid either", async () => {
        vies.vies.setMode("reset")
        const a = await business({ tax_id: ACME_VAT.raw }, "a@example.test")
        expect(await settledCheck(a.customerId)).toEqual(expect.objectContaining({ status: "pending", fault_code: "NETWORK_ERROR" }))
        vies.vies.setMode("ok")
        vies.vies.setFault("SOMETHING_NEW", { status: 502 })
        const b = await business({ tax_id: ACME_VAT.raw }, "b@example.test")
        expect(await settledCheck(b.customerId)).toEqual(expect.objectContaining({ status: "pending", fault_code: "SOMETHING_NEW" }))
      })

      it("the retry job makes it valid once VIES recovers", async () => {
        vies.vies.setFault("MS_UNAVAILABLE")
        const c = await business({ tax_id: ACME_VAT.raw, company: "Acme Trading" })
        const first = await settledCheck(c.customerId)
        expect(first.status).toBe("pending")

        // Not due yet: the job leaves it alone.
        expect(await retryDueTaxIdChecks(getContainer(), new Date())).toBe(0)
        expect(vies.vies.count()).toBe(1)

        vies.vies.setFault(null)
        expect(await retryDueTaxIdChecks(getContainer(), inFuture(RETRY_BASE_MS + 1000))).toBe(1)

        const recovered = await checks().retrieveTaxIdCheck(first.id)
        expect(recovered).toEqual(
          expect.objectContaining({ status: "valid", attempts: 2, fault_code: null, next_attempt_at: null, registered_name: "ACME GMBH" })
        )
        expect((await meta(c.customerId)).tax_id_status).toBe("valid")
      })

      it("the retry job stops after the maximum number of attempts; check again starts afresh", async () => {
        vies.vies.setFault("MS_UNAVAILABLE")
        const c = await business({ tax_id: ACME_VAT.raw })
        const first = await settledCheck(c.customerId)
        expect(first.attempts).toBe(1)

        // Attempt 2 after the base wait, attempt 3 after twice that.
        expect(await retryDueTaxIdChecks(getContainer(), inFuture(RETRY_BASE_MS + 1000))).toBe(1)
        const second = await checks().retrieveTaxIdCheck(first.id)
        expect(second.attempts).toBe(2)
        expect(new Date(second.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 2 * RETRY_BASE_MS)
        expect(await retryDueTaxIdChecks(getContainer(), inFuture(10 * RETRY_BASE_MS))).toBe(1)

        const exhausted = await checks().retrieveTaxIdCheck(first.id)
        expect(exhausted).toEqual(
          expect.objectContaining({ status: "pending", attempts: MAX_ATTEMPTS, next_attempt_at: null, fault_code: "MS_UNAVAILABLE" })
        )
        expect(vies.vies.count()).toBe(MAX_ATTEMPTS)

        // However long one waits: no more calls, still pending, never valid.
        vies.vies.setFault(null)
        expect(await retryDueTaxIdChecks(getContainer(), inFuture(1000 * RETRY_BASE_MS))).toBe(0)
        expect(vies.vies.count()).toBe(MAX_ATTEMPTS)
        expect((await meta(c.customerId)).tax_id_status).toBe("pending")

        const again = await checkAgain(c.customerId)
        expect(again.status).toBe(202)
        expect(again.data.tax_id_check.id).not.toBe(first.id)
        expect(again.data.tax_id_check).toEqual(expect.objectContaining({ status: "pending", attempts: 0, requested_by: admin.userId }))
        const fresh = await settledCheck(c.customerId)
        expect(fresh).toEqual(expect.objectContaining({ id: again.data.tax_id_check.id, status: "valid", attempts: 1 }))
        // The earlier check and its record stay.
        const view = await taxIdView(c.customerId)
        expect(view.data.tax_id_checks.map((k: any) => k.id)).toEqual([fresh.id, first.id])
      })

      it("a changed number starts a new check, and a late answer for the old number changes nothing", async () => {
        // VIES holds its answer about the first number.
        vies.vies.hold((body: any) => body.vatNumber === ACME_VAT.number)
        const c = await business({ tax_id: ACME_VAT.raw })
        await waitFor(async () => vies.vies.heldCount(), (n) => n === 1)
        const old = await meta(c.customerId)
        const oldCheckId = old.tax_id_check_id

        const res = await resync(c, { tax_id: OTHER_VAT.raw })
        expect(res.status).toBe(200)
        const newCheck = await waitFor(
          () => meta(c.customerId),
          (m: any) => !!m.tax_id_check_id && m.tax_id_check_id !== oldCheckId
        )
        const answered = await settledCheck(c.customerId)
        expect(answered).toEqual(expect.objectContaining({ id: newCheck.tax_id_check_id, tax_id: OTHER_VAT.canonical, status: "invalid" }))
        // The old check no longer retries.
        expect((await checks().retrieveTaxIdCheck(oldCheckId)).next_attempt_at).toBeNull()

        // Now the old number's answer (valid) comes in late.
        vies.vies.release()
        await waitFor(() => checks().retrieveTaxIdCheck(oldCheckId), (k: any) => k.status === "valid")
        await settle(300)
        expect(await meta(c.customerId)).toEqual(
          expect.objectContaining({ tax_id: OTHER_VAT.canonical, tax_id_check_id: answered.id, tax_id_status: "invalid" })
        )
      })
    })

    describe("autoVerify: vies_name_match", () => {
      it("verifies by vies when VIES says valid and the registered name matches, through the verification steps", async () => {
        const events = collectEvents(getContainer(), ["customer_meta.verified"])
        const c = await business({ tax_id: ACME_VAT.raw, company: "Acme GmbH" })
        await settledCheck(c.customerId)
        const m = await waitFor(() => meta(c.customerId), (m: any) => m.is_verified)
        expect(m).toEqual(expect.objectContaining({ is_verified: true, verified_by: "vies", tax_id_status: "valid" }))
        expect(m.verified_at).toBeTruthy()
        // The verification workflow's own group step, right after.
        await waitFor(groupMembers, (members) => members.length > 0)
        expect(await groupMembers()).toEqual([c.customerId])
        await settle()
        expect(events.seen).toEqual([{ name: "customer_meta.verified", data: { id: m.id, customer_id: c.customerId } }])
        events.stop()

        // The guard's view: business prices need a verified business, and this is one now.
        const list = await http()("GET", "/admin/customers/business?verified=true", { token: admin.token })
        expect(list.data.business_customers.map((b: any) => b.customer_id)).toEqual([c.customerId])
      })

      it("does not verify on a near miss of the name", async () => {
        vies.vies.putTrader(ACME_VAT.cc, ACME_VAT.number, { name: "ACME TRADING GMBH" })
        const c = await business({ tax_id: ACME_VAT.raw, company: "Acme GmbH" })
        expect((await settledCheck(c.customerId)).status).toBe("valid")
        await settle(300)
        expect(await meta(c.customerId)).toEqual(expect.objectContaining({ tax_id_status: "valid", is_verified: false }))
        expect(await groupMembers()).toEqual([])
      })

      it("an outage neither verifies nor unverifies", async () => {
        vies.vies.setFault("MS_UNAVAILABLE")
        const unverified = await business({ tax_id: ACME_VAT.raw, company: "Acme GmbH" }, "one@example.test")
        expect((await settledCheck(unverified.customerId)).status).toBe("pending")
        await settle(300)
        expect((await meta(unverified.customerId)).is_verified).toBe(false)

        const verified = await business({ tax_id: OTHER_VAT.raw, company: "Other GmbH" }, "two@example.test")
        await settledCheck(verified.customerId)
        await verify(verified.customerId)
        const again = await checkAgain(verified.customerId)
        expect(again.status).toBe(202)
        const check = await settledCheck(verified.customerId)
        expect(check).toEqual(expect.objectContaining({ status: "pending", fault_code: "MS_UNAVAILABLE" }))
        await settle(300)
        expect(await meta(verified.customerId)).toEqual(
          expect.objectContaining({ is_verified: true, verified_by: admin.userId, tax_id_status: "pending", tax_id_flagged_at: null })
        )
      })

      it("an invalid answer on a verified business flags it and emits tax_id.invalid, without unverifying", async () => {
        const c = await business({ tax_id: ACME_VAT.raw, company: "Acme GmbH" })
        await waitFor(() => meta(c.customerId), (m: any) => m.is_verified)
        const events = collectEvents(getContainer(), ["tax_id.invalid", "customer_meta.unverified"])

        // The member state deregistered the number.
        vies.vies.removeTrader(ACME_VAT.cc, ACME_VAT.number)
        expect((await checkAgain(c.customerId)).status).toBe(202)
        const check = await settledCheck(c.customerId)
        expect(check.status).toBe("invalid")
        const m = await waitFor(() => meta(c.customerId), (m: any) => !!m.tax_id_flagged_at)
        expect(m).toEqual(expect.objectContaining({ is_verified: true, tax_id_status: "invalid" }))
        await settle()
        expect(events.seen).toEqual([
          { name: "tax_id.invalid", data: { id: m.id, customer_id: c.customerId, tax_id_check_id: check.id } },
        ])
        expect(await groupMembers()).toEqual([c.customerId])

        const flagged = await http()("GET", "/admin/customers/business?tax_id_flagged=true", { token: admin.token })
        expect(flagged.data.business_customers.map((b: any) => b.customer_id)).toEqual([c.customerId])
        expect(flagged.data.business_customers[0]).toEqual(
          expect.objectContaining({ tax_id_status: "invalid", tax_id_flagged_at: expect.any(String) })
        )
        events.stop()
      })
    })

    describe("admin API", () => {
      it("GET /admin/customers/business filters by tax ID status and returns the evidence", async () => {
        const valid = await business({ tax_id: ACME_VAT.raw, company: "Valid Corp" }, "valid@example.test")
        await settledCheck(valid.customerId)
        const invalid = await business({ tax_id: OTHER_VAT.raw, company: "Invalid Corp" }, "invalid@example.test")
        await settledCheck(invalid.customerId)
        const unchecked = await business({ tax_id: "12.345.678/0001-95", tax_country: "BR", company: "Brasil Ltda" }, "br@example.test")
        await business({ company: "No Tax Id" }, "none@example.test")

        const list = (query: string) => http()("GET", `/admin/customers/business${query}`, { token: admin.token })
        const ids = (res: any) => res.data.business_customers.map((b: any) => b.customer_id).sort()

        expect(ids(await list("?tax_id_status=valid"))).toEqual([valid.customerId])
        expect(ids(await list("?tax_id_status=invalid,unchecked"))).toEqual([invalid.customerId, unchecked.customerId].sort())
        expect((await list("?tax_id_status=pending")).data.count).toBe(0)

        const all = await list("")
        const row = all.data.business_customers.find((b: any) => b.customer_id === valid.customerId)
        expect(row).toEqual(
          expect.objectContaining({
            tax_id: ACME_VAT.canonical,
            tax_id_country: "DE",
            tax_id_status: "valid",
            tax_id_checked_at: expect.any(String),
            tax_id_check: expect.objectContaining({
              status: "valid",
              registered_name: "ACME GMBH",
              registered_address: "Musterstr. 1\n10115 Berlin",
              consultation_number: expect.stringMatching(/^WAPI/),
              checked_at: row.tax_id_checked_at,
            }),
          })
        )
        expect(all.data.business_customers.find((b: any) => b.customer_id === unchecked.customerId).tax_id_check).toBeNull()
        // Searching a tax ID as people write it finds the compact form.
        expect(ids(await list("?q=de%20136%20695"))).toEqual([valid.customerId])
      })

      it("answers 400 for an unknown tax ID status or flag", async () => {
        for (const query of ["?tax_id_status=maybe", "?tax_id_status=", "?tax_id_status=valid,maybe", "?tax_id_flagged=yes"]) {
          const res = await http()("GET", `/admin/customers/business${query}`, { token: admin.token })
          expect({ query, status: res.status }).toEqual({ query, status: 400 })
        }
      })

      it("check again refuses what VIES cannot check (400), unknown customers (404), customers and anonymous callers (401)", async () => {
        const gb = await business({ tax_id: "GB 980 7806 84" }, "gb@example.test")
        const none = await business({}, "none@example.test")
        const individual = await clerk.customer(api, pk, { email: "ind@example.test" })

        const notVies = await checkAgain(gb.customerId)
        expect(notVies.status).toBe(400)
        expect(notVies.data.message).toMatch(/GB980780684 is not an EU VAT number/)
        expect((await checkAgain(none.customerId)).status).toBe(400)
        expect((await checkAgain(individual.customerId)).status).toBe(400)
        expect((await checkAgain("cus_unknown")).status).toBe(404)
        expect((await taxIdView("cus_unknown")).status).toBe(404)

        const acme = await business({ tax_id: ACME_VAT.raw }, "acme@example.test")
        await settledCheck(acme.customerId)
        vies.vies.resetRequests()
        expect((await checkAgain(acme.customerId, acme.token)).status).toBe(401)
        expect((await checkAgain(acme.customerId, "")).status).toBe(401)
        expect((await taxIdView(acme.customerId, acme.token)).status).toBe(401)
        await settle()
        expect(vies.vies.count()).toBe(0)
        expect(await checks().listTaxIdChecks({ owner_id: (await meta(acme.customerId)).id })).toHaveLength(1)
      })
    })
  },
})
