import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { testDbName } from "../helpers/db-name"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { useOfflineClerk } from "../helpers/clerk"
import {
  collectEvents,
  createAdminToken,
  createStoreContext,
  httpClient,
  settle,
} from "../helpers/medusa"
import { requireVerifiedBusiness } from "../../src/api/guards"
import { customerRoleCacheTag } from "../../src/utils/customer-role-cache"
import {
  clearCustomerRoleCacheStepId,
  verifyBusinessCustomerWorkflow,
} from "../../src/workflows/customer-meta"
import { CATALOG_SKUS, seedCatalog } from "../helpers/catalog"

jest.setTimeout(120 * 1000)

const clerk = useOfflineClerk()

// Roles are served from Medusa's Caching Module in this suite, so a rolled
// back verification can be seen to leave no stale role in the cache. The
// runner reads medusa-config.ts before it applies its `env`: the flag is set
// on the process before the runner boots, and restored after.
const cachingFlag = process.env.MEDUSA_FF_CACHING
beforeAll(() => {
  process.env.MEDUSA_FF_CACHING = "true"
})
afterAll(() => {
  if (cachingFlag === undefined) delete process.env.MEDUSA_FF_CACHING
  else process.env.MEDUSA_FF_CACHING = cachingFlag
})

medusaIntegrationTestRunner({
  dbName: testDbName("admin-verification"),
  env: clerk.env,
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let admin: { token: string; userId: string }
    const http = () => httpClient(api)

    let salesChannelId: string
    beforeEach(async () => {
      const store = await createStoreContext(getContainer())
      pk = store.publishableKey
      salesChannelId = store.salesChannelId
      admin = await createAdminToken(api, getContainer())
      clerk.clerk.setMode("ok")
      clerk.clerk.resetRequests()
    })

    /** A synced customer and a token that acts as it. */
    const customer = (unsafeMetadata: Record<string, unknown>, email?: string) =>
      clerk.customer(api, pk, { unsafeMetadata, ...(email ? { email } : {}) })
    const verify = (body: unknown, token = admin.token) =>
      http()("POST", "/admin/customers/verify", { body, token })
    const groupMembers = async () => {
      const service = getContainer().resolve(Modules.CUSTOMER)
      const [group] = await service.listCustomerGroups({ name: "Verified businesses" })
      if (!group) return null
      const links = await service.listCustomerGroupCustomers({ customer_group_id: group.id })
      return links.map((l) => l.customer_id).sort()
    }
    /** The real guard against the real container: resolves with what it passed to next(). */
    const runGuard = (customerId: string) =>
      new Promise<MedusaError | undefined>((resolve) =>
        requireVerifiedBusiness()(
          { scope: getContainer(), auth_context: { actor_id: customerId } } as any,
          {} as any,
          (e?: unknown) => resolve(e as MedusaError | undefined)
        )
      )

    describe("POST /admin/customers/verify", () => {
      it("verifies a business: records when and by whom, adds it to the Verified businesses group, emits customer_meta.verified", async () => {
        const acme = await customer({ accountType: "business", company: "Acme" })
        const events = collectEvents(getContainer(), ["customer_meta.verified", "customer_meta.unverified"])
        expect(await groupMembers()).toBeNull()
        clerk.clerk.resetRequests()

        const before = Date.now()
        const res = await verify({ customer_id: acme.customerId })

        expect(res.status).toBe(200)
        expect(res.data.customer_meta).toEqual(
          expect.objectContaining({
            customer_id: acme.customerId,
            is_verified: true,
            verified_by: admin.userId,
          })
        )
        expect(new Date(res.data.customer_meta.verified_at).getTime()).toBeGreaterThanOrEqual(before - 1000)
        expect(await groupMembers()).toEqual([acme.customerId])
        await settle()
        expect(events.seen).toEqual([
          { name: "customer_meta.verified", data: { id: res.data.customer_meta.id, customer_id: acme.customerId } },
        ])
        expect(await runGuard(acme.customerId)).toBeUndefined()
        expect(clerk.clerk.count()).toBe(0)
        events.stop()
      })

      it("unverifies: clears when/by whom, leaves the group, emits customer_meta.unverified, and the guard sees it on the next request", async () => {
        const acme = await customer({ accountType: "business", company: "Acme" })
        await verify({ customer_id: acme.customerId })
        expect(await runGuard(acme.customerId)).toBeUndefined()
        const events = collectEvents(getContainer(), ["customer_meta.verified", "customer_meta.unverified"])

        const res = await verify({ customer_id: acme.customerId, verified: false })

        expect(res.status).toBe(200)
        expect(res.data.customer_meta).toEqual(
          expect.objectContaining({ is_verified: false, verified_at: null, verified_by: null })
        )
        expect(await groupMembers()).toEqual([])
        await settle()
        expect(events.names()).toEqual(["customer_meta.unverified"])
        const guardError = await runGuard(acme.customerId)
        expect(guardError?.type).toBe(MedusaError.Types.FORBIDDEN)
        expect(guardError?.message).toMatch(/not verified/)
        events.stop()
      })

      it("verifying twice changes nothing the second time and emits once", async () => {
        const acme = await customer({ accountType: "business", company: "Acme" })
        const events = collectEvents(getContainer(), ["customer_meta.verified"])
        const first = await verify({ customer_id: acme.customerId })
        const second = await verify({ customer_id: acme.customerId })
        expect(second.status).toBe(200)
        expect(second.data.customer_meta.verified_at).toBe(first.data.customer_meta.verified_at)
        await settle()
        expect(events.names()).toEqual(["customer_meta.verified"])
        events.stop()
      })

      it("answers 400 for an individual, 404 for an unknown customer, and writes nothing or emits nothing", async () => {
        const ada = await customer({})
        const events = collectEvents(getContainer(), ["customer_meta.verified"])

        const individual = await verify({ customer_id: ada.customerId })
        expect(individual.status).toBe(400)
        expect(individual.data.message).toMatch(/individual/)

        const unknown = await verify({ customer_id: "cus_unknown" })
        expect(unknown.status).toBe(404)

        expect(await groupMembers()).toBeNull()
        const meta = await getContainer().resolve("roleSyncCustomerMeta").retrieveByCustomerId(ada.customerId)
        expect(meta.is_verified).toBe(false)
        await settle()
        expect(events.seen).toEqual([])
        events.stop()
      })

      it.each([
        ["no customer_id", {}],
        ["a non-boolean verified", { customer_id: "cus_1", verified: "yes" }],
        ["an unknown field", { customer_id: "cus_1", is_verified: true }],
        ["a non-object body", "verify"],
      ])("answers 400 for %s", async (_name, body) => {
        const res = await verify(body)
        expect(res.status).toBe(400)
        expect(res.data.message).toBeTruthy()
      })

      it("refuses customers and anonymous callers", async () => {
        const acme = await customer({ accountType: "business", company: "Acme" })
        expect((await verify({ customer_id: acme.customerId }, acme.token)).status).toBe(401)
        expect((await verify({ customer_id: acme.customerId }, "")).status).toBe(401)
        const meta = await getContainer().resolve("roleSyncCustomerMeta").retrieveByCustomerId(acme.customerId)
        expect(meta.is_verified).toBe(false)
      })
    })

    describe("rollback of a verification", () => {
      const roleFields = (meta: any) => ({
        is_verified: meta.is_verified,
        verified_at: meta.verified_at ? new Date(meta.verified_at).toISOString() : null,
        verified_by: meta.verified_by,
        updated_at: new Date(meta.updated_at).toISOString(),
      })

      it.each([
        ["verifying", false, true],
        ["unverifying", true, false],
      ])(
        "a step failing at the end of %s puts the role, the group membership and the cached role back, emits nothing and frees the lock",
        async (_name, from, to) => {
          const acme = await customer({ accountType: "business", company: "Acme" })
          if (from) {
            expect((await verify({ customer_id: acme.customerId })).status).toBe(200)
          }
          const service = getContainer().resolve("roleSyncCustomerMeta")
          const caching = getContainer().resolve(Modules.CACHING) as any
          const tags = [customerRoleCacheTag(acme.customerId)]
          const before = roleFields(await service.retrieveByCustomerId(acme.customerId))
          const membersBefore = (await groupMembers()) ?? []
          // A guarded request caches the role as it is now.
          expect(await runGuard(acme.customerId)).toEqual(from ? undefined : expect.objectContaining({ type: MedusaError.Types.FORBIDDEN }))
          await settle(100)
          expect(JSON.stringify(await caching.get({ tags }))).toContain(`"is_verified":${from}`)
          const events = collectEvents(getContainer(), ["customer_meta.verified", "customer_meta.unverified"])

          const workflow = verifyBusinessCustomerWorkflow(getContainer())
          workflow.appendAction("throw", clearCustomerRoleCacheStepId, {
            invoke: async function failStep() {
              // Every write is in place, and a guarded request caches the new role.
              expect(await runGuard(acme.customerId)).toEqual(to ? undefined : expect.objectContaining({ type: MedusaError.Types.FORBIDDEN }))
              expect((await groupMembers()) ?? []).toEqual(to ? [acme.customerId] : [])
              await settle(100)
              expect(JSON.stringify(await caching.get({ tags }))).toContain(`"is_verified":${to}`)
              throw new Error("Failed after the verification")
            },
          })
          const { errors } = await workflow.run({
            input: { customer_id: acme.customerId, verified: to, actor_id: admin.userId },
            throwOnError: false,
          })

          expect(errors).toEqual([
            expect.objectContaining({
              action: "throw",
              handlerType: "invoke",
              error: expect.objectContaining({ message: "Failed after the verification" }),
            }),
          ])
          const after = roleFields(await service.retrieveByCustomerId(acme.customerId))
          expect({ ...after, updated_at: undefined }).toEqual({ ...before, updated_at: undefined })
          expect((await groupMembers()) ?? []).toEqual(membersBefore)
          // No stale role survives in the cache: the guard sees the old one.
          expect(JSON.stringify((await caching.get({ tags })) ?? [])).not.toContain(`"is_verified":${to}`)
          expect(await runGuard(acme.customerId)).toEqual(from ? undefined : expect.objectContaining({ type: MedusaError.Types.FORBIDDEN }))
          await settle()
          expect(events.seen).toEqual([])

          // The per-Clerk-user lock was released: the same change now succeeds.
          const res = await verify({ customer_id: acme.customerId, verified: to })
          expect(res.status).toBe(200)
          expect(res.data.customer_meta.is_verified).toBe(to)
          events.stop()
        }
      )
    })

    describe("expected_updated_at: admins verify what they reviewed (DESIGN §9.4)", () => {
      const metaOf = (customerId: string) =>
        getContainer().resolve("roleSyncCustomerMeta").retrieveByCustomerId(customerId)

      it("Honest GmbH / tax ID A renamed by a sync to Shell Ltd / tax ID B, then Verify with the reviewed updated_at → 409 version_conflict with the current data; nothing verified, no group, no event", async () => {
        const biz = await customer({ accountType: "business", company: "Honest GmbH", tax_id: "DE136695976" })
        const listed = await http()("GET", "/admin/customers/business?q=Honest", { token: admin.token })
        const reviewed = listed.data.business_customers[0]
        expect(reviewed).toEqual(expect.objectContaining({ customer_id: biz.customerId, company_name: "Honest GmbH" }))

        // Meanwhile the user renames the company and changes the tax ID.
        biz.user.unsafe_metadata = { accountType: "business", company: "Shell Ltd", tax_id: "ATU13585627" }
        expect((await http()("POST", "/store/customers/sync-role", { token: biz.token, pk })).status).toBe(200)
        const events = collectEvents(getContainer(), ["customer_meta.verified"])

        const res = await verify({ customer_id: biz.customerId, expected_updated_at: reviewed.updated_at })

        expect(res.status).toBe(409)
        expect(res.data).toEqual(
          expect.objectContaining({
            type: "not_allowed",
            code: "version_conflict",
            message: expect.stringMatching(/changed since it was reviewed/),
            customer_meta: expect.objectContaining({
              customer_id: biz.customerId,
              company_name: "Shell Ltd",
              tax_id: expect.stringContaining("13585627"),
              is_verified: false,
              verified_by: null,
            }),
          })
        )
        expect(res.data.customer_meta.updated_at).not.toBe(reviewed.updated_at)
        expect((await metaOf(biz.customerId)).is_verified).toBe(false)
        expect(await groupMembers()).toBeNull()
        await settle()
        expect(events.seen).toEqual([])

        // Shown the new data, the admin decides on what is there now.
        const again = await verify({
          customer_id: biz.customerId,
          expected_updated_at: res.data.customer_meta.updated_at,
        })
        expect(again.status).toBe(200)
        expect(again.data.customer_meta).toEqual(
          expect.objectContaining({ company_name: "Shell Ltd", is_verified: true, verified_by: admin.userId })
        )
        expect(await groupMembers()).toEqual([biz.customerId])
        events.stop()
      })

      it("an unverify against a stale row is refused the same way; without expected_updated_at the call works as before", async () => {
        const biz = await customer({ accountType: "business", company: "Acme" })
        const verified = await verify({ customer_id: biz.customerId })
        const reviewedAt = verified.data.customer_meta.updated_at
        biz.user.unsafe_metadata = { accountType: "business", company: "Acme Holding" }
        await http()("POST", "/store/customers/sync-role", { token: biz.token, pk })
        // The rename already reset the verification (rule 3): verify again.
        const current = await verify({ customer_id: biz.customerId })
        expect(current.data.customer_meta.is_verified).toBe(true)

        const stale = await verify({ customer_id: biz.customerId, verified: false, expected_updated_at: reviewedAt })
        expect(stale.status).toBe(409)
        expect(stale.data.customer_meta.company_name).toBe("Acme Holding")
        expect((await metaOf(biz.customerId)).is_verified).toBe(true)

        const fresh = await verify({
          customer_id: biz.customerId,
          verified: false,
          expected_updated_at: current.data.customer_meta.updated_at,
        })
        expect(fresh.status).toBe(200)
        expect(fresh.data.customer_meta.is_verified).toBe(false)
      })

      it("a business that became an individual since it was reviewed → 409 with its current data (not a bare 400)", async () => {
        const biz = await customer({ accountType: "business", company: "Acme" })
        const reviewed = (await metaOf(biz.customerId)).updated_at
        biz.user.unsafe_metadata = { accountType: "individual" }
        await http()("POST", "/store/customers/sync-role", { token: biz.token, pk })

        const res = await verify({ customer_id: biz.customerId, expected_updated_at: new Date(reviewed).toISOString() })
        expect(res.status).toBe(409)
        expect(res.data.customer_meta).toEqual(expect.objectContaining({ account_type: "individual", company_name: null }))
      })

      it("a malformed expected_updated_at → 400 naming it", async () => {
        const biz = await customer({ accountType: "business", company: "Acme" })
        const res = await verify({ customer_id: biz.customerId, expected_updated_at: "yesterday" })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/expected_updated_at must be an ISO 8601 date-time/)
        expect((await metaOf(biz.customerId)).is_verified).toBe(false)
      })
    })

    describe("rule 3: a role change after verification resets it", () => {
      it.each([
        ["company name", { accountType: "business", company: "Acme Renamed", tax_id: "DE136695976" }],
        ["tax ID", { accountType: "business", company: "Acme", tax_id: "DE111111117" }],
        ["account type", { accountType: "individual" }],
      ])("when the %s changes at the next sync", async (_name, next) => {
        const acme = await customer({ accountType: "business", company: "Acme", tax_id: "DE136695976" })
        await verify({ customer_id: acme.customerId })
        const events = collectEvents(getContainer(), ["customer_meta.unverified", "customer_meta.synced"])

        acme.user.unsafe_metadata = next
        const res = await http()("POST", "/store/customers/sync-role", { token: acme.token, pk })

        expect(res.status).toBe(200)
        expect(res.data.customer_meta).toEqual(expect.objectContaining({ is_verified: false, verified_at: null }))
        const meta = await getContainer().resolve("roleSyncCustomerMeta").retrieveByCustomerId(acme.customerId)
        expect(meta.verified_by).toBeNull()
        expect(await groupMembers()).toEqual([])
        await settle()
        expect(events.names().sort()).toEqual(["customer_meta.synced", "customer_meta.unverified"])
        events.stop()
      })

      it("an unchanged sync keeps the verification and emits nothing", async () => {
        const acme = await customer({ accountType: "business", company: "Acme" })
        await verify({ customer_id: acme.customerId })
        const events = collectEvents(getContainer(), ["customer_meta.unverified", "customer_meta.synced"])

        const res = await http()("POST", "/store/customers/sync-role", { token: acme.token, pk })

        expect(res.data.customer_meta.is_verified).toBe(true)
        expect(await groupMembers()).toEqual([acme.customerId])
        await settle()
        expect(events.seen).toEqual([])
        events.stop()
      })
    })

    describe("rule 4: business prices through Medusa's own pricing", () => {
      it("a price list on the Verified businesses group gives a verified business a lower cart price than an individual or an unverified business", async () => {
        const catalog = await seedCatalog(getContainer(), { salesChannelId })
        const variant = catalog.variants[CATALOG_SKUS.boltShort]
        const businessPrice = variant.price - 3

        const verifiedBiz = await customer({ accountType: "business", company: "Verified AG" })
        const unverifiedBiz = await customer({ accountType: "business", company: "Claimed GmbH" })
        const individual = await customer({})
        await verify({ customer_id: verifiedBiz.customerId })
        const [group] = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomerGroups({ name: "Verified businesses" })

        const priceList = await http()("POST", "/admin/price-lists", {
          token: admin.token,
          body: {
            title: "Business prices",
            description: "For verified businesses",
            type: "override",
            status: "active",
            rules: { "customer.groups.id": [group.id] },
            prices: [{ variant_id: variant.id, currency_code: "eur", amount: businessPrice }],
          },
        })
        expect(priceList.status).toBe(200)

        const cartPrice = async (token: string) => {
          const cart = await http()("POST", "/store/carts", {
            token,
            pk,
            body: { region_id: catalog.regionId, items: [{ variant_id: variant.id, quantity: 1 }] },
          })
          expect(cart.status).toBe(200)
          return cart.data.cart.items[0].unit_price
        }

        expect(await cartPrice(verifiedBiz.token)).toBe(businessPrice)
        expect(await cartPrice(unverifiedBiz.token)).toBe(variant.price)
        expect(await cartPrice(individual.token)).toBe(variant.price)

        // Typing the verified business's email into an anonymous cart does not
        // borrow its prices (core would attach the cart to that customer).
        const borrowed = await http()("POST", "/store/carts", {
          pk,
          body: {
            region_id: catalog.regionId,
            email: verifiedBiz.email.toUpperCase(),
            items: [{ variant_id: variant.id, quantity: 1 }],
          },
        })
        expect(borrowed.status).toBe(400)
        expect(borrowed.data.message).toMatch(/verified business account: sign in/)
        const guestCart = await http()("POST", "/store/carts", {
          pk,
          body: { region_id: catalog.regionId, items: [{ variant_id: variant.id, quantity: 1 }] },
        })
        const setEmail = await http()("POST", `/store/carts/${guestCart.data.cart.id}`, {
          pk,
          body: { email: verifiedBiz.email },
        })
        expect(setEmail.status).toBe(400)
        const stillGuest = await http()("GET", `/store/carts/${guestCart.data.cart.id}`, { pk })
        expect(stillGuest.data.cart.customer_id ?? null).toBeNull()
        // Other emails, and the business itself signed in, are unaffected.
        expect(
          (await http()("POST", "/store/carts", { pk, body: { region_id: catalog.regionId, email: "someone@example.test" } })).status
        ).toBe(200)
        expect(
          (await http()("POST", "/store/carts", { token: verifiedBiz.token, pk, body: { region_id: catalog.regionId, email: verifiedBiz.email } })).status
        ).toBe(200)

        // Unverifying takes the business price away at once.
        await verify({ customer_id: verifiedBiz.customerId, verified: false })
        expect(await cartPrice(verifiedBiz.token)).toBe(variant.price)
      })
    })

    describe("GET /admin/customers/business", () => {
      const list = (query = "", token = admin.token) =>
        http()("GET", `/admin/customers/business${query}`, { token })

      it("lists business customers only, with their customer, filtered and paginated", async () => {
        const acme = await customer({ accountType: "business", company: "Acme GmbH", tax_id: "DE 111 111 117" }, "buyer@acme.test")
        const globex = await customer({ accountType: "business", company: "Globex", tax_id: "FR 40 303 265 045" }, "ops@globex.test")
        await customer({ accountType: "business", company: "Initech 100%_off", tax_id: "US 333" }, "it@initech.test")
        await customer({}, "ada@example.test")
        await verify({ customer_id: acme.customerId })

        const all = await list()
        expect(all.status).toBe(200)
        expect(all.data).toEqual(expect.objectContaining({ count: 3, limit: 20, offset: 0 }))
        expect(all.data.business_customers.map((b: any) => b.company_name).sort()).toEqual(["Acme GmbH", "Globex", "Initech 100%_off"])
        expect(all.data.business_customers.find((b: any) => b.company_name === "Acme GmbH").customer).toEqual({
          id: acme.customerId,
          email: "buyer@acme.test",
          first_name: "Test",
          last_name: "User",
        })

        const verified = await list("?verified=true")
        expect(verified.data.business_customers.map((b: any) => b.customer_id)).toEqual([acme.customerId])
        expect(verified.data.count).toBe(1)
        const unverified = await list("?verified=false")
        expect(unverified.data.count).toBe(2)

        expect((await list("?q=globex")).data.business_customers.map((b: any) => b.customer_id)).toEqual([globex.customerId])
        expect((await list("?q=de%20111")).data.business_customers.map((b: any) => b.customer_id)).toEqual([acme.customerId])
        expect((await list("?q=ops%40globex")).data.business_customers.map((b: any) => b.customer_id)).toEqual([globex.customerId])
        expect((await list("?q=ada%40example")).data.count).toBe(0)
        // LIKE wildcards in q are literal.
        expect((await list("?q=100%25_")).data.count).toBe(1)
        expect((await list("?q=%25")).data.count).toBe(1)

        const page = await list("?limit=2&offset=2")
        expect(page.data).toEqual(expect.objectContaining({ count: 3, limit: 2, offset: 2 }))
        expect(page.data.business_customers).toHaveLength(1)
      })

      it("?fields= and ?order= work as on core routes; fields and orders outside the list are a 400 naming them", async () => {
        const acme = await customer({ accountType: "business", company: "Acme GmbH" }, "buyer@acme.test")
        const globex = await customer({ accountType: "business", company: "Globex" }, "ops@globex.test")
        const initech = await customer({ accountType: "business", company: "Initech" }, "it@initech.test")

        const narrow = await list("?fields=id,company_name&order=company_name")
        expect(narrow.status).toBe(200)
        expect(narrow.data.business_customers.map((b: any) => Object.keys(b).sort())).toEqual([
          ["company_name", "id"],
          ["company_name", "id"],
          ["company_name", "id"],
        ])
        expect(narrow.data.business_customers.map((b: any) => b.company_name)).toEqual(["Acme GmbH", "Globex", "Initech"])

        const byEmail = await list("?order=-customer.email&fields=customer_id,customer.email")
        expect(byEmail.data.business_customers.map((b: any) => b.customer.email)).toEqual([
          "ops@globex.test",
          "it@initech.test",
          "buyer@acme.test",
        ])
        const oldestFirst = await list("?order=created_at&fields=customer_id")
        expect(oldestFirst.data.business_customers.map((b: any) => b.customer_id)).toEqual([
          acme.customerId,
          globex.customerId,
          initech.customerId,
        ])
        const wide = await list("?fields=+customer.phone,+customer.company_name&limit=1")
        expect(wide.data.business_customers[0]).toEqual(
          expect.objectContaining({ clerk_user_id: expect.any(String), customer: expect.objectContaining({ phone: null }) })
        )

        for (const query of ["?fields=customer.addresses", "?fields=*customer.groups", "?fields=nope", "?order=customer.phone", "?order=nope"]) {
          const res = await list(query)
          expect({ query, status: res.status }).toEqual({ query, status: 400 })
          expect(res.data.message).toContain(query.includes("order") ? "order" : query.split("=")[1].replace(/^\*/, ""))
        }

        const verified = await verify({ customer_id: acme.customerId }, admin.token)
        const narrowVerify = await http()("POST", "/admin/customers/verify?fields=is_verified,verified_by", {
          token: admin.token,
          body: { customer_id: globex.customerId },
        })
        expect(narrowVerify.data.customer_meta).toEqual({ id: expect.any(String), is_verified: true, verified_by: admin.userId })
        expect(verified.data.customer_meta).toEqual(expect.objectContaining({ clerk_user_id: acme.user.id, is_verified: true }))
      })

      it("searches more than 1,000 matching customers in one query: count, pages and the verified filter stay right", async () => {
        // 1,100 business customers whose email matches, seeded in two statements.
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await knex.raw(`
          insert into customer (id, email, first_name, last_name, has_account)
          select 'cus_bulk_' || lpad(n::text, 5, '0'), 'buyer' || n || '@bulk-search.test', 'Bulk', 'Buyer', true
          from generate_series(1, 1100) as n`)
        await knex.raw(`
          insert into customer_meta (id, customer_id, clerk_user_id, account_type, company_name, is_verified, created_at, updated_at)
          select 'cmeta_bulk_' || lpad(n::text, 5, '0'), 'cus_bulk_' || lpad(n::text, 5, '0'), 'user_bulk_' || n,
                 'business', 'Company ' || n, n % 10 = 0, now() - n * interval '1 second', now()
          from generate_series(1, 1100) as n`)
        // One more match by company name only, and one business that doesn't match.
        const byCompany = await customer({ accountType: "business", company: "Bulk-Search Logistics" }, "ops@elsewhere.test")
        await customer({ accountType: "business", company: "Unrelated" }, "someone@elsewhere.test")

        const all = await list("?q=bulk-search&limit=100")
        expect(all.status).toBe(200)
        expect(all.data).toEqual(expect.objectContaining({ count: 1101, limit: 100, offset: 0 }))
        expect(all.data.business_customers).toHaveLength(100)
        // Newest first: the synced business, then the seeded ones from the newest.
        expect(all.data.business_customers[0].customer_id).toBe(byCompany.customerId)
        expect(all.data.business_customers[1].customer.email).toBe("buyer1@bulk-search.test")

        const lastPage = await list("?q=bulk-search&limit=100&offset=1050")
        expect(lastPage.data.count).toBe(1101)
        expect(lastPage.data.business_customers).toHaveLength(51)
        expect(lastPage.data.business_customers.at(-1).customer.email).toBe("buyer1100@bulk-search.test")
        const pastTheEnd = await list("?q=bulk-search&offset=5000")
        expect(pastTheEnd.data).toEqual(expect.objectContaining({ count: 1101, business_customers: [] }))

        const verified = await list("?q=BULK-SEARCH.TEST&verified=true&limit=100&offset=100")
        expect(verified.data.count).toBe(110)
        expect(verified.data.business_customers).toHaveLength(10)
        expect(verified.data.business_customers.every((b: any) => b.is_verified)).toBe(true)

        const oldest = await list("?q=bulk-search&order=created_at&limit=2&fields=id")
        expect(oldest.data.business_customers).toEqual([{ id: "cmeta_bulk_01100" }, { id: "cmeta_bulk_01099" }])
      })

      it.each([["?limit=101"], ["?limit=0"], ["?offset=-1"], ["?verified=yes"], ["?unknown=1"]])(
        "answers 400 for %s",
        async (query) => {
          const res = await list(query)
          expect(res.status).toBe(400)
        }
      )

      it("refuses customers and anonymous callers", async () => {
        const acme = await customer({ accountType: "business", company: "Acme" })
        expect((await list("", acme.token)).status).toBe(401)
        expect((await list("", "")).status).toBe(401)
      })
    })
  },
})
