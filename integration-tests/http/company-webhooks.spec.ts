import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { testDbName } from "../helpers/db-name"
import { useOfflineClerk } from "../helpers/clerk"
import { CATALOG_SKUS, seedCatalog, type SeededCatalog } from "../helpers/catalog"
import {
  collectEvents,
  createAdminToken,
  createStoreContext,
  httpClient,
  settle,
} from "../helpers/medusa"
import { checkout, makeCatalogCheckoutReady } from "../helpers/checkout"
import { clerkEvent, createSvixSecret, signSvix } from "../helpers/svix"
import { customerRoleCacheTag } from "../../src/utils/customer-role-cache"

jest.setTimeout(180 * 1000)

const SECRET = createSvixSecret()
const clerk = useOfflineClerk({ CLERK_WEBHOOK_SIGNING_SECRET: SECRET })

// Roles are served from Medusa's Caching Module here: a removal must still
// take effect on the very next request. medusa-config.ts is read before the
// runner applies `env`, so the flag is set on the process.
const cachingFlag = process.env.MEDUSA_FF_CACHING
beforeAll(() => {
  process.env.MEDUSA_FF_CACHING = "true"
})
afterAll(() => {
  if (cachingFlag === undefined) delete process.env.MEDUSA_FF_CACHING
  else process.env.MEDUSA_FF_CACHING = cachingFlag
})

const inOneDay = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString()

medusaIntegrationTestRunner({
  dbName: testDbName("company-webhooks"),
  env: clerk.env,
  testSuite: ({ api, getContainer }) => {
    const http = () => httpClient(api)
    let pk: string
    let catalog: SeededCatalog
    let admin: { token: string; userId: string }

    beforeEach(async () => {
      const store = await createStoreContext(getContainer())
      pk = store.publishableKey
      catalog = await seedCatalog(getContainer(), { salesChannelId: store.salesChannelId })
      admin = await createAdminToken(api, getContainer())
      clerk.clerk.setMode("ok")
    })

    const deliver = (type: string, data: unknown) => {
      const body = JSON.stringify(clerkEvent(type, data))
      return http()("POST", "/hooks/clerk", {
        body: Buffer.from(body),
        headers: { "content-type": "application/json", ...signSvix(SECRET, body) },
      })
    }
    const store = (method: "GET" | "POST", url: string, token?: string, body?: unknown) =>
      http()(method, url, { token, pk, body })
    const member = (orgId: string, role = "org:member") =>
      clerk.customer(api, pk, {}, { memberships: [{ organizationId: orgId, role }] })
    const companyService = () => getContainer().resolve("roleSyncCompany") as any
    const metaService = () => getContainer().resolve("roleSyncCustomerMeta") as any
    const companyOf = async (orgId: string, withDeleted = false) =>
      (await companyService().listCompanies({ clerk_organization_id: orgId }, { withDeleted }))[0]
    const bolt = () => catalog.variants[CATALOG_SKUS.boltShort]

    /** A verified company with a price list on its group: members pay `price - 4`. */
    const verifiedCompanyWithPrices = async (orgId: string) => {
      const company = await companyOf(orgId)
      const verified = await http()("POST", `/admin/companies/${company.id}/verify`, { token: admin.token, body: {} })
      expect(verified.status).toBe(200)
      const list = await http()("POST", "/admin/price-lists", {
        token: admin.token,
        body: {
          title: "Company prices",
          description: "contract",
          type: "override",
          status: "active",
          rules: { "customer.groups.id": [company.customer_group_id] },
          prices: [{ variant_id: bolt().id, currency_code: "eur", amount: bolt().price - 4 }],
        },
      })
      expect(list.status).toBe(200)
      return company
    }
    const cartPrice = async (token: string) => {
      const cart = await store("POST", "/store/carts", token, {
        region_id: catalog.regionId,
        items: [{ variant_id: bolt().id, quantity: 1 }],
      })
      expect(cart.status).toBe(200)
      return cart.data.cart.items[0].unit_price
    }

    it("organizationMembership.deleted takes the company's access and prices away on the next request, with roles cached; a replay is harmless", async () => {
      const org = clerk.organization("Acme GmbH")
      const acmeAdmin = await member(org.id, "org:admin")
      const buyer = await member(org.id, "org:member")
      const company = await verifiedCompanyWithPrices(org.id)
      const events = collectEvents(getContainer(), ["company.member_removed"])

      // Warm the role cache and check the entitlement.
      expect((await store("GET", "/store/quotes", buyer.token)).status).toBe(200)
      expect((await store("GET", "/store/quotes", buyer.token)).status).toBe(200)
      await settle(100)
      const caching = getContainer().resolve(Modules.CACHING, { allowUnregistered: true }) as any
      expect(JSON.stringify(await caching.get({ tags: [customerRoleCacheTag(buyer.customerId)] }))).toContain(company.id)
      expect(await cartPrice(buyer.token)).toBe(bolt().price - 4)

      const removed = clerk.clerk.removeMembership(org.id, buyer.user.id)
      const res = await deliver("organizationMembership.deleted", removed)
      expect(res.status).toBe(200)
      expect(res.data).toEqual(expect.objectContaining({ received: true, customer_id: buyer.customerId, changed: true }))

      // The buyer declared nothing: without the company it is an individual.
      const denied = await store("GET", "/store/quotes", buyer.token)
      expect(denied.status).toBe(403)
      expect(await cartPrice(buyer.token)).toBe(bolt().price)
      expect((await store("GET", "/store/companies/me", buyer.token)).status).toBe(404)
      const groups = await getContainer().resolve(Modules.CUSTOMER).listCustomerGroupCustomers({ customer_id: buyer.customerId })
      expect(groups).toEqual([])
      // The admin keeps everything.
      expect(await cartPrice(acmeAdmin.token)).toBe(bolt().price - 4)

      const replay = await deliver("organizationMembership.deleted", removed)
      expect(replay.status).toBe(200)
      expect(replay.data.changed).toBe(false)

      // A late created for the same membership never brings it back.
      const late = await deliver("organizationMembership.created", { ...removed, updated_at: removed.updated_at + 5000 })
      expect(late.status).toBe(200)
      expect(late.data.ignored).toMatch(/deleted in Clerk/)
      expect((await store("GET", "/store/quotes", buyer.token)).status).toBe(403)

      for (let i = 0; i < 40 && !events.seen.length; i++) await settle(50)
      expect(events.seen).toEqual([
        { name: "company.member_removed", data: { id: expect.stringMatching(/^cmem_/), company_id: company.id, customer_id: buyer.customerId } },
      ])
      events.stop()
    })

    it("a company admin pays the company's quoted cart; removed from the company (webhook), it can't any more: 409 quote_not_payable", async () => {
      await makeCatalogCheckoutReady(getContainer(), catalog)
      const org = clerk.organization("Acme GmbH")
      const acmeAdmin = await member(org.id, "org:admin") // declared nothing: a business through its company
      const buyer = await member(org.id, "org:member")
      const quotedCart = async () => {
        const quote = (await store("POST", "/store/quotes/request", buyer.token, { items: [{ variant_id: bolt().id, quantity: 5 }] })).data.quote
        const responded = await http()("POST", `/admin/quotes/${quote.id}/respond`, {
          token: admin.token,
          body: { items: quote.items.map((i: any) => ({ id: i.id, unit_price: 2 })), expires_at: inOneDay() },
        })
        expect(responded.status).toBe(200)
        const accepted = await store("POST", `/store/quotes/${quote.id}/accept`, acmeAdmin.token)
        expect(accepted.status).toBe(200)
        return { quote, cart: accepted.data.cart }
      }

      const first = await quotedCart()
      const paid = await checkout(http(), pk, first.cart.id, acmeAdmin.token)
      expect(paid.complete.status).toBe(200)
      expect(paid.complete.data.order.items.map((i: any) => i.unit_price)).toEqual([2])

      const second = await quotedCart()
      const removed = clerk.clerk.removeMembership(org.id, acmeAdmin.user.id)
      expect((await deliver("organizationMembership.deleted", removed)).status).toBe(200)
      const refused = await checkout(http(), pk, second.cart.id, acmeAdmin.token)
      expect(refused.complete.status).toBe(409)
      expect(refused.complete.data).toEqual(expect.objectContaining({ code: "quote_not_payable", quote_id: second.quote.id }))
      expect(refused.complete.data.message).toMatch(/no longer (one|buys for)/)
    })

    it("organizationMembership.updated changes the role at once; an older delivery never undoes a newer one", async () => {
      const org = clerk.organization("Acme GmbH")
      const buyer = await member(org.id, "org:member")
      const requested = await store("POST", "/store/quotes/request", buyer.token, { items: [{ variant_id: bolt().id, quantity: 5 }] })
      const quote = requested.data.quote
      await http()("POST", `/admin/quotes/${quote.id}/respond`, {
        token: admin.token,
        body: { items: quote.items.map((i: any) => ({ id: i.id, unit_price: 3 })), expires_at: inOneDay() },
      })
      expect((await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)).status).toBe(403)

      const older = clerk.clerk.setMembership(org.id, buyer.user.id, "org:member")
      const promoted = clerk.clerk.setMembership(org.id, buyer.user.id, "org:admin")
      expect((await deliver("organizationMembership.updated", promoted)).status).toBe(200)
      const stale = await deliver("organizationMembership.updated", older)
      expect(stale.status).toBe(200)
      expect(stale.data.changed).toBe(false)

      const [row] = await companyService().listCompanyMembers({ clerk_user_id: buyer.user.id })
      expect(row).toEqual(expect.objectContaining({ role: "admin", clerk_role: "org:admin" }))
      const accepted = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)
      expect(accepted.status).toBe(200)
    })

    it("organizationMembership.created: a signed-in customer joins at once; a user without a customer gets a company and joins at first sign-in", async () => {
      const org = clerk.organization("Newco AG")
      const loner = await clerk.customer(api, pk, {})
      expect((await store("GET", "/store/quotes", loner.token)).status).toBe(403)

      const joined = clerk.clerk.setMembership(org.id, loner.user.id, "org:member")
      const res = await deliver("organizationMembership.created", joined)
      expect(res.status).toBe(200)
      expect(res.data.changed).toBe(true)
      expect((await store("GET", "/store/quotes", loner.token)).status).toBe(200)
      expect((await store("GET", "/store/companies/me", loner.token)).data.company.name).toBe("Newco AG")

      const org2 = clerk.organization("Later GmbH")
      const stranger = clerk.user({})
      const pending = clerk.clerk.setMembership(org2.id, stranger.id, "org:admin")
      const early = await deliver("organizationMembership.created", pending)
      expect(early.status).toBe(200)
      expect(early.data.ignored).toMatch(/no customer yet/)
      const company = await companyOf(org2.id)
      expect(company).toEqual(expect.objectContaining({ name: "Later GmbH", customer_group_id: expect.any(String) }))
      expect(await companyService().listCompanyMembers({ company_id: company.id })).toEqual([])
    })

    it("organization.updated renames the company for every member and resets its verification; older deliveries are ignored", async () => {
      const org = clerk.organization("Acme GmbH")
      const buyer = await member(org.id, "org:member")
      const company = await verifiedCompanyWithPrices(org.id)
      expect(await cartPrice(buyer.token)).toBe(bolt().price - 4)
      const before = { ...org }
      const events = collectEvents(getContainer(), ["company.unverified"])

      const renamed = clerk.clerk.renameOrganization(org.id, "Acme Holding GmbH")
      const res = await deliver("organization.updated", renamed)
      expect(res.status).toBe(200)
      expect(res.data).toEqual(expect.objectContaining({ company_id: company.id, changed: true }))

      const now = await companyOf(org.id)
      expect(now).toEqual(expect.objectContaining({ name: "Acme Holding GmbH", is_verified: false }))
      const meta = (await metaService().listCustomerMetas({ customer_id: buyer.customerId }))[0]
      expect(meta).toEqual(expect.objectContaining({ active_company_name: "Acme Holding GmbH", active_company_verified: false }))
      expect(await cartPrice(buyer.token)).toBe(bolt().price)
      const group = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomerGroup(company.customer_group_id)
      expect(group.name).toBe(`Acme Holding GmbH (company ${org.id})`)

      const stale = await deliver("organization.updated", before)
      expect(stale.status).toBe(200)
      expect(stale.data.changed).toBe(false)
      expect((await companyOf(org.id)).name).toBe("Acme Holding GmbH")
      const replay = await deliver("organization.updated", renamed)
      expect(replay.data.changed).toBe(false)

      for (let i = 0; i < 40 && !events.seen.length; i++) await settle(50)
      expect(events.seen).toEqual([{ name: "company.unverified", data: { id: company.id } }])
      events.stop()
    })

    it("organization.deleted soft-deletes the company, keeps its quotes, and members lose it at once; late deliveries don't revive it", async () => {
      const org = clerk.organization("Gone GmbH")
      const other = clerk.organization("Stay AG")
      const buyer = await clerk.customer(api, pk, {}, {
        memberships: [
          { organizationId: org.id, role: "org:admin" },
          { organizationId: other.id, role: "org:member" },
        ],
        syncBody: { organization_id: org.id },
      })
      const company = await verifiedCompanyWithPrices(org.id)
      const quote = (await store("POST", "/store/quotes/request", buyer.token, { items: [{ variant_id: bolt().id, quantity: 5 }] })).data.quote
      expect(await cartPrice(buyer.token)).toBe(bolt().price - 4)

      const res = await deliver("organization.deleted", { object: "organization", id: org.id, deleted: true })
      expect(res.status).toBe(200)
      expect(res.data).toEqual(expect.objectContaining({ company_id: company.id, deleted: true }))

      expect(await companyOf(org.id)).toBeUndefined()
      expect((await companyOf(org.id, true)).deleted_at).toBeTruthy()
      // The quote stays, for the admin and in the database.
      const adminQuote = await http()("GET", `/admin/quotes/${quote.id}`, { token: admin.token })
      expect(adminQuote.status).toBe(200)
      expect(adminQuote.data.quote.company_id).toBe(company.id)
      // The member now buys for its other company, without Gone's prices.
      const me = await store("GET", "/store/companies/me", buyer.token)
      expect(me.data.company.name).toBe("Stay AG")
      expect(await cartPrice(buyer.token)).toBe(bolt().price)
      expect((await store("GET", `/store/quotes/${quote.id}`, buyer.token)).status).toBe(404)

      const replay = await deliver("organization.deleted", { object: "organization", id: org.id, deleted: true })
      expect(replay.data.ignored).toMatch(/no company/)
      const late = await deliver("organization.updated", { ...clerk.clerk.organizations.get(org.id), updated_at: Date.now() + 1000 })
      expect(late.data.ignored).toMatch(/deleted/)
      expect(await companyOf(org.id)).toBeUndefined()
    })

    it("user.deleted ends the user's memberships and takes it out of the company's group", async () => {
      const org = clerk.organization("Acme GmbH")
      const buyer = await member(org.id, "org:member")
      const company = await verifiedCompanyWithPrices(org.id)
      const groupMembers = async () =>
        (await getContainer().resolve(Modules.CUSTOMER).listCustomerGroupCustomers({ customer_group_id: company.customer_group_id })).map((r: any) => r.customer_id)
      expect(await groupMembers()).toEqual([buyer.customerId])

      const res = await deliver("user.deleted", { object: "user", id: buyer.user.id, deleted: true })
      expect(res.status).toBe(200)
      expect(await companyService().listCompanyMembers({ clerk_user_id: buyer.user.id })).toEqual([])
      expect(await groupMembers()).toEqual([])
    })

    it("malformed organization payloads are acknowledged and ignored", async () => {
      const res = await deliver("organizationMembership.created", { id: "orgmem_x", role: "org:member" })
      expect(res.status).toBe(200)
      expect(res.data.ignored).toMatch(/malformed organizationMembership.created payload/)
    })
  },
})
