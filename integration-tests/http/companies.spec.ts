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

jest.setTimeout(180 * 1000)

// A custom Clerk role mapped by the plugin option (DESIGN §10 rule 1).
const clerk = useOfflineClerk({ ROLE_SYNC_ORGANIZATION_ROLES: JSON.stringify({ "org:viewer": "member" }) })
const cachingFlag = process.env.ROLE_SYNC_ORGANIZATION_ROLES
beforeAll(() => {
  // medusa-config.ts is read before the runner applies `env`.
  process.env.ROLE_SYNC_ORGANIZATION_ROLES = JSON.stringify({ "org:viewer": "member" })
})
afterAll(() => {
  if (cachingFlag === undefined) delete process.env.ROLE_SYNC_ORGANIZATION_ROLES
  else process.env.ROLE_SYNC_ORGANIZATION_ROLES = cachingFlag
})

const inOneDay = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString()

medusaIntegrationTestRunner({
  dbName: testDbName("companies"),
  env: clerk.env,
  testSuite: ({ api, getContainer }) => {
    const http = () => httpClient(api)
    let pk: string
    let salesChannelId: string

    beforeEach(async () => {
      const store = await createStoreContext(getContainer())
      pk = store.publishableKey
      salesChannelId = store.salesChannelId
      clerk.clerk.setMode("ok")
      clerk.clerk.resetRequests()
    })

    const companyService = () => getContainer().resolve("roleSyncCompany") as any
    const metaService = () => getContainer().resolve("roleSyncCustomerMeta") as any
    const signIn = async (userId: string) => {
      const res = await http()("POST", "/auth/customer/clerk", { body: { token: clerk.token(userId) } })
      expect(res.status).toBe(200)
      return res.data.token as string
    }
    const sync = (token: string, body?: unknown) =>
      http()("POST", "/store/customers/sync-role", { token, pk, body })

    describe("POST /store/customers/sync-role with organizations", () => {
      it("creates the company with its own customer group, records the member with its role, and answers company and companies; two Clerk calls", async () => {
        const org = clerk.organization("Acme GmbH")
        const events = collectEvents(getContainer(), ["company.created", "company.member_added"])
        const user = clerk.user({ unsafeMetadata: {} })
        const membership = clerk.clerk.setMembership(org.id, user.id, "org:admin")
        const token = await signIn(user.id)
        clerk.clerk.resetRequests()

        const res = await sync(token)

        expect(res.status).toBe(200)
        expect(clerk.clerk.count()).toBe(2)
        const [company] = await companyService().listCompanies({ clerk_organization_id: org.id })
        expect(company).toEqual(
          expect.objectContaining({ id: expect.stringMatching(/^comp_/), name: "Acme GmbH", is_verified: false, customer_group_id: expect.stringMatching(/^cusgroup_/) })
        )
        const group = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomerGroup(company.customer_group_id)
        expect(group.metadata).toEqual(expect.objectContaining({ managed_by: "medusa-plugin-role-sync", company_id: company.id }))
        const summary = { id: company.id, name: "Acme GmbH", role: "admin", is_verified: false, clerk_organization_id: org.id }
        expect(res.data.company).toEqual(summary)
        expect(res.data.companies).toEqual([summary])
        expect(res.data.customer_meta).toEqual(
          expect.objectContaining({ account_type: "individual", active_company_id: company.id, active_company_role: "admin", active_company_verified: false })
        )
        const members = await companyService().listCompanyMembers({ company_id: company.id })
        expect(members).toEqual([
          expect.objectContaining({ customer_id: res.data.customer.id, clerk_user_id: user.id, clerk_membership_id: membership.id, role: "admin", clerk_role: "org:admin" }),
        ])
        for (let i = 0; i < 40 && events.seen.length < 2; i++) await settle(50)
        expect(events.seen).toEqual(
          expect.arrayContaining([
            { name: "company.created", data: { id: company.id } },
            { name: "company.member_added", data: { id: members[0].id, company_id: company.id, customer_id: res.data.customer.id } },
          ])
        )
        events.stop()
      })

      it("a member of a company is a business whatever its unsafeMetadata says, even metadata a sole trader would be refused for", async () => {
        const org = clerk.organization("Meta AG")
        const user = clerk.user({ unsafeMetadata: { accountType: "business" } }) // no company name
        const token = await signIn(user.id)
        expect((await sync(token)).status).toBe(422) // not a member yet: invalid metadata

        clerk.clerk.setMembership(org.id, user.id, "org:member")
        const res = await sync(token)
        expect(res.status).toBe(200)
        expect(res.data.company).toEqual(expect.objectContaining({ name: "Meta AG", role: "buyer" }))
        expect(res.data.customer_meta.account_type).toBe("individual") // what it declared, unreadable
        const refreshed = await http()("POST", "/auth/token/refresh", { token })
        expect((await http()("GET", "/store/quotes", { token: refreshed.data.token, pk })).status).toBe(200)
        expect(await metaService().isBusinessCustomer(res.data.customer.id)).toBe(true)
        expect(await metaService().getCompanyName(res.data.customer.id)).toBe("Meta AG")
      })

      it("concurrent first syncs of several members of one new organization create exactly one company", async () => {
        const org = clerk.organization("Parallel AG")
        const users = Array.from({ length: 6 }, (_, i) => {
          const user = clerk.user({})
          clerk.clerk.setMembership(org.id, user.id, i === 0 ? "org:admin" : "org:member")
          return user
        })
        const tokens = await Promise.all(users.map((u) => signIn(u.id)))
        const results = await Promise.all(tokens.map((t) => sync(t)))
        expect(results.map((r) => r.status)).toEqual(Array(6).fill(200))
        const companies = await companyService().listCompanies({ clerk_organization_id: org.id })
        expect(companies).toHaveLength(1)
        expect(new Set(results.map((r) => r.data.company.id))).toEqual(new Set([companies[0].id]))
        const members = await companyService().listCompanyMembers({ company_id: companies[0].id })
        expect(members).toHaveLength(6)
        const groups = await getContainer().resolve(Modules.CUSTOMER).listCustomerGroups({ name: `Parallel AG (company ${org.id})` })
        expect(groups).toHaveLength(1)
      })

      it("organization_id chooses among real memberships; another id is a 403 that writes nothing", async () => {
        const a = clerk.organization("Alpha KG")
        const b = clerk.organization("Beta SE")
        const user = clerk.user({})
        clerk.clerk.setMembership(a.id, user.id, "org:admin", { createdAt: Date.now() - 10_000 })
        clerk.clerk.setMembership(b.id, user.id, "org:member")
        const token = await signIn(user.id)

        const first = await sync(token)
        expect(first.status).toBe(200)
        expect(first.data.company.name).toBe("Alpha KG") // the oldest
        expect(first.data.companies.map((c: any) => c.name).sort()).toEqual(["Alpha KG", "Beta SE"])

        const chosen = await sync(token, { organization_id: b.id })
        expect(chosen.status).toBe(200)
        expect(chosen.data.company).toEqual(expect.objectContaining({ name: "Beta SE", role: "buyer" }))

        const again = await sync(token)
        expect(again.data.company.name).toBe("Beta SE") // the one active before

        const stranger = clerk.organization("Gamma Ltd")
        const before = await metaService().listCustomerMetas({ customer_id: first.data.customer.id })
        const refused = await sync(token, { organization_id: stranger.id })
        expect(refused.status).toBe(403)
        expect(refused.data.message).toMatch(stranger.id)
        const after = await metaService().listCustomerMetas({ customer_id: first.data.customer.id })
        expect(after[0].active_company_id).toBe(before[0].active_company_id)
        expect(await companyService().listCompanies({ clerk_organization_id: stranger.id })).toHaveLength(0)

        const bad = await sync(token, { organization_id: 42 })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/organization_id/)
      })
    })

    // ---------------------------------------------------------------- helpers
    type Member = Awaited<ReturnType<typeof clerk.customer>>
    /** A Clerk user in `orgId` with `role`, signed in and synced (token acts as the customer). */
    const member = (orgId: string, role = "org:member", unsafeMetadata: Record<string, unknown> = {}) =>
      clerk.customer(api, pk, { unsafeMetadata }, { memberships: [{ organizationId: orgId, role }] })
    const store = (method: "GET" | "POST", url: string, token?: string, body?: unknown) =>
      http()(method, url, { token, pk, body })
    const companyOf = async (orgId: string) =>
      (await companyService().listCompanies({ clerk_organization_id: orgId }))[0]

    describe("company quotes (DESIGN §10 rule 3)", () => {
      let catalog: SeededCatalog
      let admin: { token: string; userId: string }
      beforeEach(async () => {
        catalog = await seedCatalog(getContainer(), { salesChannelId })
        admin = await createAdminToken(api, getContainer())
      })
      const bolt = () => catalog.variants[CATALOG_SKUS.boltShort]
      const requestQuote = async (token: string) => {
        const res = await store("POST", "/store/quotes/request", token, { items: [{ variant_id: bolt().id, quantity: 50 }] })
        expect(res.status).toBe(201)
        return res.data.quote
      }
      const respond = async (quote: any) => {
        const res = await http()("POST", `/admin/quotes/${quote.id}/respond`, {
          token: admin.token,
          body: { items: quote.items.map((i: any) => ({ id: i.id, unit_price: 4.5 })), expires_at: inOneDay() },
        })
        expect(res.status).toBe(200)
      }

      it("two members of one company see each other's quotes; a third company's member does not", async () => {
        const acme = clerk.organization("Acme GmbH")
        const other = clerk.organization("Other Corp")
        const acmeAdmin = await member(acme.id, "org:admin")
        const acmeBuyer = await member(acme.id, "org:member")
        const outsider = await member(other.id, "org:admin")
        const company = await companyOf(acme.id)

        const quote = await requestQuote(acmeBuyer.token)
        expect(quote).toEqual(expect.objectContaining({ customer_id: acmeBuyer.customerId, company_id: company.id }))

        const adminList = await store("GET", "/store/quotes", acmeAdmin.token)
        expect(adminList.status).toBe(200)
        expect(adminList.data.quotes.map((q: any) => q.id)).toEqual([quote.id])
        expect((await store("GET", `/store/quotes/${quote.id}`, acmeAdmin.token)).status).toBe(200)

        const outsiderList = await store("GET", "/store/quotes", outsider.token)
        expect(outsiderList.status).toBe(200)
        expect(outsiderList.data.quotes).toEqual([])
        expect((await store("GET", `/store/quotes/${quote.id}`, outsider.token)).status).toBe(404)
        await respond(quote)
        expect((await store("POST", `/store/quotes/${quote.id}/accept`, outsider.token)).status).toBe(404)
        expect((await store("POST", `/store/quotes/${quote.id}/reject`, outsider.token)).status).toBe(404)

        // The admin side names the company.
        const adminQuote = await http()("GET", `/admin/quotes/${quote.id}`, { token: admin.token })
        expect(adminQuote.data.quote.company).toEqual({ id: company.id, name: "Acme GmbH", is_verified: false })
        const byCompany = await http()("GET", `/admin/quotes?company_id=${company.id}`, { token: admin.token })
        expect(byCompany.data.quotes.map((q: any) => q.id)).toEqual([quote.id])
      })

      it("a buyer cannot accept or reject (403 naming admin), an admin accepts into its own cart; a member only reads", async () => {
        const acme = clerk.organization("Acme GmbH")
        const acmeAdmin = await member(acme.id, "org:admin")
        const acmeBuyer = await member(acme.id, "org:member")
        const viewer = await member(acme.id, "org:viewer")
        expect(viewer.synced.company.role).toBe("member")

        const quote = await requestQuote(acmeBuyer.token)
        await respond(quote)

        const buyerAccept = await store("POST", `/store/quotes/${quote.id}/accept`, acmeBuyer.token)
        expect(buyerAccept.status).toBe(403)
        expect(buyerAccept.data.message).toMatch(/company role admin; your role in Acme GmbH is buyer/)
        const buyerReject = await store("POST", `/store/quotes/${quote.id}/reject`, acmeBuyer.token)
        expect(buyerReject.status).toBe(403)

        const viewerRequest = await store("POST", "/store/quotes/request", viewer.token, { items: [{ variant_id: bolt().id, quantity: 1 }] })
        expect(viewerRequest.status).toBe(403)
        expect(viewerRequest.data.message).toMatch(/company role admin or buyer; your role in Acme GmbH is member/)
        const viewerBulk = await store("POST", "/store/orders/create-bulk", viewer.token, { items: [{ sku: CATALOG_SKUS.boltShort, quantity: 1 }] })
        expect(viewerBulk.status).toBe(403)
        const viewerList = await store("GET", "/store/quotes", viewer.token)
        expect(viewerList.data.quotes.map((q: any) => q.id)).toEqual([quote.id])
        expect((await store("GET", "/store/quotes", viewer.token)).status).toBe(200)

        const buyerBulk = await store("POST", "/store/orders/create-bulk", acmeBuyer.token, { items: [{ sku: CATALOG_SKUS.boltShort, quantity: 2 }] })
        expect(buyerBulk.status).toBe(201)

        const accepted = await store("POST", `/store/quotes/${quote.id}/accept`, acmeAdmin.token)
        expect(accepted.status).toBe(200)
        expect(accepted.data.quote.status).toBe("accepted")
        expect(accepted.data.cart.customer_id).toBe(acmeAdmin.customerId)
        expect(accepted.data.cart.items[0].unit_price).toBe(4.5)
        // The buyer sees the accepted quote too.
        const seen = await store("GET", `/store/quotes/${quote.id}`, acmeBuyer.token)
        expect(seen.data.quote.status).toBe("accepted")
      })

      it("a user in two organizations switches the active company and sees the other company's quotes only", async () => {
        const x = clerk.organization("X Industries")
        const y = clerk.organization("Y Logistics")
        const xColleague = await member(x.id, "org:member")
        const yColleague = await member(y.id, "org:member")
        const both = await clerk.customer(api, pk, {}, {
          memberships: [
            { organizationId: x.id, role: "org:member" },
            { organizationId: y.id, role: "org:admin" },
          ],
          syncBody: { organization_id: x.id },
        })
        expect(both.synced.company.name).toBe("X Industries")
        const qx = await requestQuote(xColleague.token)
        const qy = await requestQuote(yColleague.token)

        const asX = await store("GET", "/store/quotes", both.token)
        expect(asX.data.quotes.map((q: any) => q.id)).toEqual([qx.id])

        const switched = await store("POST", "/store/customers/sync-role", both.token, { organization_id: y.id })
        expect(switched.status).toBe(200)
        expect(switched.data.company).toEqual(expect.objectContaining({ name: "Y Logistics", role: "admin" }))

        const asY = await store("GET", "/store/quotes", both.token)
        expect(asY.data.quotes.map((q: any) => q.id)).toEqual([qy.id])
        expect((await store("GET", `/store/quotes/${qx.id}`, both.token)).status).toBe(404)
        // A quote asked for now belongs to Y.
        const mine = await requestQuote(both.token)
        expect(mine.company_id).toBe((await companyOf(y.id)).id)
      })

      it("sole traders keep working as before: their own quotes only, never a company's", async () => {
        const soleTrader = await clerk.customer(api, pk, { unsafeMetadata: { accountType: "business", company: "Solo e.K." } })
        expect(soleTrader.synced.company).toBeNull()
        expect(soleTrader.synced.companies).toEqual([])
        const acme = clerk.organization("Acme GmbH")
        const acmeBuyer = await member(acme.id)
        const companyQuote = await requestQuote(acmeBuyer.token)
        const own = await requestQuote(soleTrader.token)
        expect(own.company_id).toBeNull()
        const list = await store("GET", "/store/quotes", soleTrader.token)
        expect(list.data.quotes.map((q: any) => q.id)).toEqual([own.id])
        expect((await store("GET", `/store/quotes/${companyQuote.id}`, soleTrader.token)).status).toBe(404)
        expect((await store("GET", `/store/quotes/${own.id}`, acmeBuyer.token)).status).toBe(404)
      })
    })

    describe("company verification and prices (DESIGN §10 rule 4)", () => {
      let catalog: SeededCatalog
      let admin: { token: string; userId: string }
      beforeEach(async () => {
        catalog = await seedCatalog(getContainer(), { salesChannelId })
        admin = await createAdminToken(api, getContainer())
      })
      const adminCall = (method: "GET" | "POST", url: string, body?: unknown) =>
        http()(method, url, { token: admin.token, body })

      it("verifying the company gives every member the company's price-list price in a cart; unverifying takes it away", async () => {
        const variant = catalog.variants[CATALOG_SKUS.boltShort]
        const companyPrice = variant.price - 4
        const acme = clerk.organization("Acme GmbH")
        const acmeAdmin = await member(acme.id, "org:admin")
        const acmeBuyer = await member(acme.id, "org:member")
        const company = await companyOf(acme.id)
        const events = collectEvents(getContainer(), ["company.verified", "company.unverified"])

        const priceList = await adminCall("POST", "/admin/price-lists", {
          title: "Acme contract prices",
          description: "Acme GmbH",
          type: "override",
          status: "active",
          rules: { "customer.groups.id": [company.customer_group_id] },
          prices: [{ variant_id: variant.id, currency_code: "eur", amount: companyPrice }],
        })
        expect(priceList.status).toBe(200)
        const cartPrice = async (token: string) => {
          const cart = await store("POST", "/store/carts", token, { region_id: catalog.regionId, items: [{ variant_id: variant.id, quantity: 1 }] })
          expect(cart.status).toBe(200)
          return cart.data.cart.items[0].unit_price
        }
        expect(await cartPrice(acmeBuyer.token)).toBe(variant.price)

        const reviewed = await adminCall("GET", `/admin/companies/${company.id}`)
        const verified = await adminCall("POST", `/admin/companies/${company.id}/verify`, {
          expected_updated_at: reviewed.data.company.updated_at,
        })
        expect(verified.status).toBe(200)
        expect(verified.data.company).toEqual(expect.objectContaining({ is_verified: true, verified_by: admin.userId, verified_at: expect.any(String) }))

        expect(await cartPrice(acmeBuyer.token)).toBe(companyPrice)
        expect(await cartPrice(acmeAdmin.token)).toBe(companyPrice)
        const metas = getContainer().resolve("roleSyncCustomerMeta") as any
        expect(await metas.isVerifiedCustomer(acmeBuyer.customerId)).toBe(true)
        const [vbGroup] = await getContainer().resolve(Modules.CUSTOMER).listCustomerGroups({ name: "Verified businesses" })
        const inVb = await getContainer().resolve(Modules.CUSTOMER).listCustomerGroupCustomers({ customer_group_id: vbGroup.id })
        expect(inVb.map((r: any) => r.customer_id).sort()).toEqual([acmeAdmin.customerId, acmeBuyer.customerId].sort())
        // requireVerifiedBusiness-level trust reaches the storefront answer too.
        const mine = await store("GET", "/store/companies/me", acmeBuyer.token)
        expect(mine.data.company.is_verified).toBe(true)

        const unverified = await adminCall("POST", `/admin/companies/${company.id}/verify`, { verified: false })
        expect(unverified.status).toBe(200)
        expect(unverified.data.company.is_verified).toBe(false)
        expect(await cartPrice(acmeBuyer.token)).toBe(variant.price)
        expect(await metas.isVerifiedCustomer(acmeBuyer.customerId)).toBe(false)

        for (let i = 0; i < 40 && events.seen.length < 2; i++) await settle(50)
        expect(events.seen).toEqual([
          { name: "company.verified", data: { id: company.id } },
          { name: "company.unverified", data: { id: company.id } },
        ])
        events.stop()
      })

      it("a stale expected_updated_at answers 409 version_conflict with the current company and writes nothing; unknown companies are 404", async () => {
        const acme = clerk.organization("Acme GmbH")
        const acmeAdmin = await member(acme.id, "org:admin")
        const company = await companyOf(acme.id)
        const reviewed = await adminCall("GET", `/admin/companies/${company.id}`)

        const changed = await store("POST", "/store/companies/me", acmeAdmin.token, { tax_id: "de 136 695 976" })
        expect(changed.status).toBe(200)

        const stale = await adminCall("POST", `/admin/companies/${company.id}/verify`, {
          expected_updated_at: reviewed.data.company.updated_at,
        })
        expect(stale.status).toBe(409)
        expect(stale.data.code).toBe("version_conflict")
        expect(stale.data.company).toEqual(expect.objectContaining({ id: company.id, tax_id: "DE136695976", is_verified: false }))
        expect(stale.data.company.members).toHaveLength(1)
        expect((await companyOf(acme.id)).is_verified).toBe(false)

        expect((await adminCall("POST", "/admin/companies/comp_nope/verify", {})).status).toBe(404)
        const badBody = await adminCall("POST", `/admin/companies/${company.id}/verify`, { verified: "yes" })
        expect(badBody.status).toBe(400)
        expect(badBody.data.message).toMatch(/verified/)
      })

      it("a company member is verified through its company, not one by one", async () => {
        const acme = clerk.organization("Acme GmbH")
        const buyer = await member(acme.id, "org:member", { accountType: "business", company: "Side Hustle" })
        const company = await companyOf(acme.id)
        const res = await adminCall("POST", "/admin/customers/verify", { customer_id: buyer.customerId })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(new RegExp(`POST /admin/companies/${company.id}/verify`))
      })
    })

    describe("GET / POST /store/companies/me", () => {
      it("answers the active company with members and roles; company admins set the tax data, which resets verification; others get 403/404", async () => {
        const acme = clerk.organization("Acme GmbH")
        const acmeAdmin = await member(acme.id, "org:admin")
        const acmeBuyer = await member(acme.id, "org:member")
        const company = await companyOf(acme.id)
        const individual = await clerk.customer(api, pk, {})
        const admin = await createAdminToken(api, getContainer())

        const me = await store("GET", "/store/companies/me", acmeBuyer.token)
        expect(me.status).toBe(200)
        expect(me.data.company).toEqual(
          expect.objectContaining({
            id: company.id,
            name: "Acme GmbH",
            role: "buyer",
            permissions: ["quotes.read", "quotes.request", "bulk_orders.create"],
            is_verified: false,
            tax_id: null,
          })
        )
        expect(me.data.company.members.map((m: any) => [m.customer_id, m.role, m.email])).toEqual([
          [acmeAdmin.customerId, "admin", acmeAdmin.email],
          [acmeBuyer.customerId, "buyer", acmeBuyer.email],
        ])
        expect(me.data.company).not.toHaveProperty("verified_by")

        const none = await store("GET", "/store/companies/me", individual.token)
        expect(none.status).toBe(404)
        expect((await http()("GET", "/store/companies/me", { pk })).status).toBe(401)

        const buyerEdit = await store("POST", "/store/companies/me", acmeBuyer.token, { tax_id: "DE1" })
        expect(buyerEdit.status).toBe(403)
        expect(buyerEdit.data.message).toMatch(/company role admin; your role in Acme GmbH is buyer/)
        expect((await store("POST", "/store/companies/me", individual.token, { tax_id: "DE1" })).status).toBe(403)

        const invalid = await store("POST", "/store/companies/me", acmeAdmin.token, { tax_id: "DE\u0000123" })
        expect(invalid.status).toBe(422)
        expect(invalid.data.message).toMatch(/^tax_id/)
        const badCheckDigit = await store("POST", "/store/companies/me", acmeAdmin.token, { tax_id: "DE 136 695 977" })
        expect(badCheckDigit.status).toBe(422)
        expect(badCheckDigit.data.message).toMatch(/^tax_id .*check digit/)
        const badCountry = await store("POST", "/store/companies/me", acmeAdmin.token, { country_code: "Germany" })
        expect(badCountry.status).toBe(422)
        expect(badCountry.data.message).toMatch(/^country_code/)
        const unknownField = await store("POST", "/store/companies/me", acmeAdmin.token, { name: "Evil Corp" })
        expect(unknownField.status).toBe(400)
        expect((await companyOf(acme.id)).name).toBe("Acme GmbH")

        await http()("POST", `/admin/companies/${company.id}/verify`, { token: admin.token, body: {} })
        const events = collectEvents(getContainer(), ["company.unverified"])
        const set = await store("POST", "/store/companies/me", acmeAdmin.token, { tax_id: "de 136.695.976", country_code: "de" })
        expect(set.status).toBe(200)
        expect(set.data.company).toEqual(expect.objectContaining({ tax_id: "DE136695976", tax_id_country: "DE", country_code: "DE", is_verified: false }))
        const buyerView = await store("GET", "/store/companies/me", acmeBuyer.token)
        expect(buyerView.data.company.is_verified).toBe(false)
        const metas = getContainer().resolve("roleSyncCustomerMeta") as any
        expect(await metas.isVerifiedCustomer(acmeBuyer.customerId)).toBe(false)
        for (let i = 0; i < 40 && !events.seen.length; i++) await settle(50)
        expect(events.seen).toEqual([{ name: "company.unverified", data: { id: company.id } }])
        events.stop()

        // The same data again changes nothing.
        const before = await companyOf(acme.id)
        const same = await store("POST", "/store/companies/me", acmeAdmin.token, { tax_id: "DE 136 695 976" })
        expect(same.status).toBe(200)
        expect(new Date((await companyOf(acme.id)).updated_at).getTime()).toBe(new Date(before.updated_at).getTime())
      })
    })

    describe("GET /admin/companies and /admin/companies/:id", () => {
      it("lists with verified, q, customer_id, limit and offset; the detail has members, roles and customers", async () => {
        const admin = await createAdminToken(api, getContainer())
        const adminCall = (url: string) => http()("GET", url, { token: admin.token })
        const acme = clerk.organization("Acme GmbH")
        const beta = clerk.organization("Beta Bau")
        const acmeAdmin = await member(acme.id, "org:admin")
        const acmeBuyer = await member(acme.id, "org:member")
        const betaAdmin = await member(beta.id, "org:admin")
        const acmeCompany = await companyOf(acme.id)
        const betaCompany = await companyOf(beta.id)
        await http()("POST", `/admin/companies/${betaCompany.id}/verify`, { token: admin.token, body: {} })

        const all = await adminCall("/admin/companies")
        expect(all.status).toBe(200)
        expect(all.data).toEqual(expect.objectContaining({ count: 2, limit: 20, offset: 0 }))
        expect(all.data.companies.map((c: any) => [c.name, c.member_count])).toEqual([["Beta Bau", 1], ["Acme GmbH", 2]])

        expect((await adminCall("/admin/companies?verified=true")).data.companies.map((c: any) => c.id)).toEqual([betaCompany.id])
        expect((await adminCall("/admin/companies?verified=false")).data.companies.map((c: any) => c.id)).toEqual([acmeCompany.id])
        expect((await adminCall("/admin/companies?q=acme")).data.companies.map((c: any) => c.id)).toEqual([acmeCompany.id])
        expect((await adminCall(`/admin/companies?q=${beta.id}`)).data.companies.map((c: any) => c.id)).toEqual([betaCompany.id])
        expect((await adminCall(`/admin/companies?customer_id=${acmeBuyer.customerId}`)).data.companies.map((c: any) => c.id)).toEqual([acmeCompany.id])
        expect((await adminCall("/admin/companies?q=%25")).data.companies).toEqual([])
        const paged = await adminCall("/admin/companies?limit=1&offset=1")
        expect(paged.data).toEqual(expect.objectContaining({ count: 2, limit: 1, offset: 1 }))
        expect(paged.data.companies.map((c: any) => c.id)).toEqual([acmeCompany.id])
        expect((await adminCall("/admin/companies?limit=101")).status).toBe(400)
        expect((await adminCall("/admin/companies?verified=maybe")).status).toBe(400)

        const detail = await adminCall(`/admin/companies/${acmeCompany.id}`)
        expect(detail.status).toBe(200)
        expect(detail.data.company).toEqual(
          expect.objectContaining({ id: acmeCompany.id, clerk_organization_id: acme.id, customer_group_id: acmeCompany.customer_group_id, member_count: 2 })
        )
        expect(detail.data.company.members).toEqual([
          expect.objectContaining({ customer_id: acmeAdmin.customerId, role: "admin", clerk_role: "org:admin", is_active_company: true, customer: expect.objectContaining({ email: acmeAdmin.email }) }),
          expect.objectContaining({ customer_id: acmeBuyer.customerId, role: "buyer", clerk_role: "org:member", is_active_company: true }),
        ])
        expect((await adminCall("/admin/companies/comp_missing")).status).toBe(404)
        // Query reaches a customer's memberships from the customer.
        const viaCustomer = await adminCall(`/admin/customers/${betaAdmin.customerId}?fields=id,*company_members,company_members.company.name`)
        expect(viaCustomer.status).toBe(200)
        expect(viaCustomer.data.customer.company_members.map((m: any) => [m.role, m.company?.name])).toEqual([["admin", "Beta Bau"]])
      })
    })

    describe("bad input on the company routes (DESIGN §9 rule 5)", () => {
      it("deep JSON, NUL in a path or query, unknown fields and wrong types answer 400 naming the field; nothing changes", async () => {
        const admin = await createAdminToken(api, getContainer())
        const acme = clerk.organization("Acme GmbH")
        const acmeAdmin = await member(acme.id, "org:admin")
        const company = await companyOf(acme.id)
        let deep: unknown = "DE136695976"
        for (let i = 0; i < 20; i++) deep = [deep] // deeper than the input guard allows

        const cases = [
          await store("POST", "/store/companies/me", acmeAdmin.token, { tax_id: deep }),
          await store("POST", "/store/companies/me", acmeAdmin.token, { tax_id: 42 }),
          await store("POST", "/store/customers/sync-role", acmeAdmin.token, { organization_id: deep }),
          await http()("POST", `/admin/companies/${company.id}/verify`, { token: admin.token, body: { verified: deep } }),
          await http()("POST", `/admin/companies/${company.id}/verify`, { token: admin.token, body: { expected_updated_at: "yesterday" } }),
          await http()("GET", "/admin/companies/comp_%00x", { token: admin.token }),
          await http()("GET", "/admin/companies?q=%00", { token: admin.token }),
          await http()("GET", "/admin/companies?sort=name", { token: admin.token }),
        ]
        const summary = cases.map((r) => ({ status: r.status, message: typeof r.data?.message }))
        expect(summary).toEqual(cases.map(() => ({ status: 400, message: "string" })))
        expect(cases[1].data.message).toMatch(/tax_id/)
        expect(cases[4].data.message).toMatch(/expected_updated_at/)
        const after = await companyOf(acme.id)
        expect(after).toEqual(expect.objectContaining({ tax_id: null, is_verified: false }))
      })
    })
  },
})
