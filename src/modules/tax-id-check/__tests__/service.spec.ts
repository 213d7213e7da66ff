import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { testDbName } from "../../../../integration-tests/helpers/db-name"
import { TAX_ID_CHECK_MODULE } from ".."
import TaxIdCheck from "../models/tax-id-check"
import TaxIdCheckModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<TaxIdCheckModuleService>({
  moduleName: TAX_ID_CHECK_MODULE,
  dbName: testDbName("tax-id-check-module"),
  moduleModels: [TaxIdCheck],
  resolve: "./src/modules/tax-id-check",
  testSuite: ({ service }) => {
    const now = new Date("2026-12-01T12:00:00.000Z")
    const check = (overrides: Record<string, unknown> = {}) =>
      service.createTaxIdChecks({
        owner_type: "customer_meta",
        owner_id: "cmeta_1",
        tax_id: "DE136695976",
        country_code: "DE",
        vat_number: "136695976",
        next_attempt_at: now,
        ...overrides,
      })
    const claim = (id: string, at = now, maxAttempts = 3) =>
      service.claimTaxIdCheckAttempt(id, { now: at, leaseMs: 40_000, maxAttempts })

    it("prefixes ids with taxchk_ and starts pending with no attempts", async () => {
      const created = await check()
      expect(created.id).toMatch(/^taxchk_/)
      expect(created).toEqual(expect.objectContaining({ status: "pending", attempts: 0, checked_at: null }))
    })

    it("the database refuses an answer without its time", async () => {
      await expect(check({ status: "valid" })).rejects.toThrow()
    })

    it("one attempt at a time: a claim counts the attempt and leases the check", async () => {
      const created = await check()
      const [first, second] = await Promise.all([claim(created.id), claim(created.id)])
      const winners = [first, second].filter(Boolean)
      expect(winners).toHaveLength(1)
      expect(winners[0]).toEqual(expect.objectContaining({ id: created.id, attempts: 1 }))
      expect(new Date(winners[0]!.next_attempt_at as string).getTime()).toBe(now.getTime() + 40_000)
      // Due again only once the lease has run out.
      expect(await claim(created.id, new Date(now.getTime() + 39_000))).toBeNull()
      expect(await claim(created.id, new Date(now.getTime() + 40_000))).toEqual(
        expect.objectContaining({ attempts: 2 })
      )
    })

    it("never claims a check that is not due, answered, cancelled or out of attempts", async () => {
      const later = await check({ next_attempt_at: new Date(now.getTime() + 1000) })
      const answered = await check({ status: "valid", checked_at: now })
      const cancelled = await check({ next_attempt_at: null })
      const exhausted = await check({ attempts: 3 })
      for (const c of [later, answered, cancelled, exhausted]) {
        expect(await claim(c.id)).toBeNull()
      }
    })

    it("a newer check stops the owner's older pending ones, and only those", async () => {
      const older = await check()
      const otherOwner = await check({ owner_id: "cmeta_2" })
      const newer = await check({ tax_id: "DE111111125" })
      const stopped = await service.cancelOtherPendingTaxIdChecks(
        { owner_type: "customer_meta", owner_id: "cmeta_1" },
        newer.id
      )
      expect(stopped.map((s) => s.id)).toEqual([older.id])
      expect((await service.retrieveTaxIdCheck(older.id)).next_attempt_at).toBeNull()
      expect((await service.retrieveTaxIdCheck(newer.id)).next_attempt_at).not.toBeNull()
      expect((await service.retrieveTaxIdCheck(otherOwner.id)).next_attempt_at).not.toBeNull()
      expect(await claim(older.id)).toBeNull()
    })

    it("lists due checks oldest first", async () => {
      const a = await check({ next_attempt_at: new Date(now.getTime() - 2000) })
      const b = await check({ next_attempt_at: new Date(now.getTime() - 1000) })
      await check({ next_attempt_at: new Date(now.getTime() + 1000) })
      await check({ next_attempt_at: null })
      const due = await service.listDueTaxIdChecks(now, 10)
      expect(due.map((c) => c.id)).toEqual([a.id, b.id])
    })
  },
})
