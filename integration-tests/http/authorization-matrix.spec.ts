import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { testDbName } from "../helpers/db-name"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { useOfflineClerk } from "../helpers/clerk"
import { CATALOG_SKUS, seedCatalog } from "../helpers/catalog"
import { createAdminToken, createStoreContext, httpClient } from "../helpers/medusa"
import { requireVerifiedBusiness } from "../../src/api/guards"
import { customerRoleCacheTag } from "../../src/utils/customer-role-cache"

jest.setTimeout(180 * 1000)

const clerk = useOfflineClerk({ CLERK_WEBHOOK_SIGNING_SECRET: "whsec_dGVzdC1zZWNyZXQtZm9yLXRoZS1tYXRyaXg=" })

// Medusa's Caching Module is on for this suite: guards must stay correct
// (and see role changes at once) when roles are served from cache. The
// runner reads medusa-config.ts before it applies its `env`, so the flag is
// set on the process here, before the runner boots, and restored after.
const cachingFlag = process.env.MEDUSA_FF_CACHING
beforeAll(() => {
  process.env.MEDUSA_FF_CACHING = "true"
})
afterAll(() => {
  if (cachingFlag === undefined) delete process.env.MEDUSA_FF_CACHING
  else process.env.MEDUSA_FF_CACHING = cachingFlag
})

type Actor =
  | "anonymous"
  | "individual"
  | "unverifiedBusiness"
  | "verifiedBusiness"
  | "secondBusiness"
  | "companyAdmin"
  | "companyBuyer"
  | "companyMember"
  | "otherCompanyAdmin"
  | "admin"
type CustomerActor = Exclude<Actor, "anonymous" | "admin">
type Call = { method: "GET" | "POST"; path: string; body?: () => unknown }

/**
 * Every route of the plugin × every kind of caller → the status it must get.
 * The quote `:quote` belongs to verifiedBusiness (a sole trader);
 * secondBusiness is another verified business, so only ownership tells them
 * apart. `:companyQuote` belongs to the company of companyAdmin,
 * companyBuyer (who asked for it) and companyMember (Clerk role
 * `org:viewer`, unmapped: `member`); otherCompanyAdmin is the admin of
 * another company. `:company` is their company.
 */
// Columns, in this order: anonymous, individual, unverifiedBusiness,
// verifiedBusiness, secondBusiness, companyAdmin, companyBuyer,
// companyMember, otherCompanyAdmin, admin.
const ACTORS: Actor[] = [
  "anonymous", "individual", "unverifiedBusiness", "verifiedBusiness", "secondBusiness",
  "companyAdmin", "companyBuyer", "companyMember", "otherCompanyAdmin", "admin",
]
// prettier-ignore
const ROWS: [string, number[]][] = [
  //                                              anon indiv unver verif second cAdmin cBuyer cMember other admin
  ["POST /store/customers/sync-role",              [401, 200,  200,  200,  200,   200,   200,   200,    200,  401]],
  ["GET /store/customers/sync-role/:owner",        [401, 404,  404,  200,  404,   404,   404,   404,    404,  401]],
  ["POST /store/quotes/request",                   [401, 403,  201,  201,  201,   201,   201,   403,    201,  401]],
  ["GET /store/quotes",                            [401, 403,  200,  200,  200,   200,   200,   200,    200,  401]],
  ["GET /store/quotes/:quote",                     [401, 403,  404,  200,  404,   404,   404,   404,    404,  401]],
  ["POST /store/quotes/:quote/accept",             [401, 403,  404,  200,  404,   404,   403,   403,    404,  401]],
  ["POST /store/quotes/:quote/reject",             [401, 403,  404,  200,  404,   404,   403,   403,    404,  401]],
  ["GET /store/quotes/:companyQuote",              [401, 403,  404,  404,  404,   200,   200,   200,    404,  401]],
  ["POST /store/quotes/:companyQuote/accept",      [401, 403,  404,  404,  404,   200,   403,   403,    404,  401]],
  ["POST /store/quotes/:companyQuote/reject",      [401, 403,  404,  404,  404,   200,   403,   403,    404,  401]],
  ["POST /store/orders/create-bulk",               [401, 403,  201,  201,  201,   201,   201,   403,    201,  401]],
  ["GET /store/companies/me",                      [401, 404,  404,  404,  404,   200,   200,   200,    200,  401]],
  ["POST /store/companies/me",                     [401, 403,  403,  403,  403,   200,   403,   403,    200,  401]],
  ["POST /admin/customers/verify",                 [401, 401,  401,  401,  401,   401,   401,   401,    401,  200]],
  ["GET /admin/customers/business",                [401, 401,  401,  401,  401,   401,   401,   401,    401,  200]],
  ["GET /admin/customers/:owner/tax-id",           [401, 401,  401,  401,  401,   401,   401,   401,    401,  200]],
  // VIES is off in this suite: the admin is told so (400); tax-ids.spec.ts covers it on.
  ["POST /admin/customers/:owner/tax-id/check",    [401, 401,  401,  401,  401,   401,   401,   401,    401,  400]],
  ["GET /admin/quotes",                            [401, 401,  401,  401,  401,   401,   401,   401,    401,  200]],
  ["GET /admin/quotes/:quote",                     [401, 401,  401,  401,  401,   401,   401,   401,    401,  200]],
  ["POST /admin/quotes/:quote/respond",            [401, 401,  401,  401,  401,   401,   401,   401,    401,  200]],
  ["POST /admin/quotes/:quote/reject",             [401, 401,  401,  401,  401,   401,   401,   401,    401,  200]],
  ["GET /admin/companies",                         [401, 401,  401,  401,  401,   401,   401,   401,    401,  200]],
  ["GET /admin/companies/:company",                [401, 401,  401,  401,  401,   401,   401,   401,    401,  200]],
  ["POST /admin/companies/:company/verify",        [401, 401,  401,  401,  401,   401,   401,   401,    401,  200]],
  ["POST /hooks/clerk",                            [401, 401,  401,  401,  401,   401,   401,   401,    401,  401]],
]
const MATRIX: [string, Record<Actor, number>][] = ROWS.map(([route, statuses]) => [
  route,
  Object.fromEntries(ACTORS.map((actor, i) => [actor, statuses[i]])) as Record<Actor, number>,
])

// Callers that must fail go first, so the one allowed call meets untouched data.
const ORDER: Actor[] = [
  "anonymous", "individual", "unverifiedBusiness", "secondBusiness", "companyBuyer",
  "companyMember", "otherCompanyAdmin", "admin", "companyAdmin", "verifiedBusiness",
]

medusaIntegrationTestRunner({
  dbName: testDbName("authz"),
  env: clerk.env,
  testSuite: ({ api, getContainer }) => {
    const http = () => httpClient(api)
    const tokens = {} as Record<Actor, string | undefined>
    const customers = {} as Record<CustomerActor, { id: string; userId: string; signInToken: string }>
    let pk: string
    let quoteId: string
    let quoteItemIds: string[]
    let companyQuoteId: string
    let companyId: string
    let variantId: string
    let admin: { token: string; userId: string }

    // Created once; the runner snapshots the database after this, and
    // restores that snapshot before every test.
    beforeAll(async () => {
      const container = getContainer()
      const store = await createStoreContext(container)
      pk = store.publishableKey
      const catalog = await seedCatalog(container, { salesChannelId: store.salesChannelId })
      variantId = catalog.variants[CATALOG_SKUS.boltShort].id
      admin = await createAdminToken(api, container)

      const metadata: Record<string, Record<string, unknown>> = {
        individual: {},
        unverifiedBusiness: { accountType: "business", company: "Claimed GmbH" },
        verifiedBusiness: { accountType: "business", company: "Verified AG" },
        secondBusiness: { accountType: "business", company: "Second SA" },
      }
      // Companies: two organizations in Clerk.
      const matrixOrg = clerk.organization("Matrix GmbH")
      const elsewhereOrg = clerk.organization("Elsewhere Ltd")
      const memberships: Partial<Record<CustomerActor, { organizationId: string; role: string }[]>> = {
        companyAdmin: [{ organizationId: matrixOrg.id, role: "org:admin" }],
        companyBuyer: [{ organizationId: matrixOrg.id, role: "org:member" }],
        companyMember: [{ organizationId: matrixOrg.id, role: "org:viewer" }],
        otherCompanyAdmin: [{ organizationId: elsewhereOrg.id, role: "org:admin" }],
      }
      for (const actor of ["companyAdmin", "companyBuyer", "companyMember", "otherCompanyAdmin"] as const) {
        metadata[actor] = {}
      }
      for (const [actor, unsafeMetadata] of Object.entries(metadata)) {
        const created = await clerk.customer(api, pk, { unsafeMetadata }, {
          memberships: memberships[actor as CustomerActor] ?? [],
        })
        tokens[actor as Actor] = created.token
        customers[actor as CustomerActor] = {
          id: created.customerId,
          userId: created.user.id,
          signInToken: created.signInToken,
        }
        if (actor === "companyAdmin") {
          companyId = created.synced.company.id
        }
      }
      tokens.anonymous = undefined
      tokens.admin = admin.token
      for (const actor of ["verifiedBusiness", "secondBusiness"] as const) {
        const verified = await http()("POST", "/admin/customers/verify", {
          token: admin.token,
          body: { customer_id: customers[actor].id },
        })
        expect(verified.status).toBe(200)
      }

      const requested = await http()("POST", "/store/quotes/request", {
        token: tokens.verifiedBusiness,
        pk,
        body: { items: [{ variant_id: variantId, quantity: 10 }] },
      })
      expect(requested.status).toBe(201)
      quoteId = requested.data.quote.id
      quoteItemIds = requested.data.quote.items.map((i: any) => i.id)
      const quoted = await http()("POST", `/admin/quotes/${quoteId}/respond`, {
        token: admin.token,
        body: {
          items: quoteItemIds.map((id) => ({ id, unit_price: 5 })),
          expires_at: new Date(Date.now() + 86_400_000).toISOString(),
        },
      })
      expect(quoted.status).toBe(200)

      const companyRequested = await http()("POST", "/store/quotes/request", {
        token: tokens.companyBuyer,
        pk,
        body: { items: [{ variant_id: variantId, quantity: 4 }] },
      })
      expect(companyRequested.status).toBe(201)
      companyQuoteId = companyRequested.data.quote.id
      const companyQuoted = await http()("POST", `/admin/quotes/${companyQuoteId}/respond`, {
        token: admin.token,
        body: {
          items: companyRequested.data.quote.items.map((i: any) => ({ id: i.id, unit_price: 6 })),
          expires_at: new Date(Date.now() + 86_400_000).toISOString(),
        },
      })
      expect(companyQuoted.status).toBe(200)
    })

    const calls: Record<string, Call> = {
      "POST /store/customers/sync-role": { method: "POST", path: "/store/customers/sync-role" },
      "GET /store/customers/sync-role/:owner": { method: "GET", path: "/store/customers/sync-role/:owner" },
      "POST /store/quotes/request": {
        method: "POST",
        path: "/store/quotes/request",
        body: () => ({ items: [{ variant_id: variantId, quantity: 3 }] }),
      },
      "GET /store/quotes": { method: "GET", path: "/store/quotes" },
      "GET /store/quotes/:quote": { method: "GET", path: "/store/quotes/:quote" },
      "POST /store/quotes/:quote/accept": { method: "POST", path: "/store/quotes/:quote/accept" },
      "POST /store/quotes/:quote/reject": { method: "POST", path: "/store/quotes/:quote/reject" },
      "GET /store/quotes/:companyQuote": { method: "GET", path: "/store/quotes/:companyQuote" },
      "POST /store/quotes/:companyQuote/accept": { method: "POST", path: "/store/quotes/:companyQuote/accept" },
      "POST /store/quotes/:companyQuote/reject": { method: "POST", path: "/store/quotes/:companyQuote/reject" },
      "GET /store/companies/me": { method: "GET", path: "/store/companies/me" },
      "POST /store/companies/me": {
        method: "POST",
        path: "/store/companies/me",
        body: () => ({ tax_id: "DE 811 907 980", country_code: "de" }),
      },
      "GET /admin/companies": { method: "GET", path: "/admin/companies" },
      "GET /admin/companies/:company": { method: "GET", path: "/admin/companies/:company" },
      "POST /admin/companies/:company/verify": {
        method: "POST",
        path: "/admin/companies/:company/verify",
        body: () => ({}),
      },
      "POST /store/orders/create-bulk": {
        method: "POST",
        path: "/store/orders/create-bulk",
        body: () => ({ items: [{ sku: CATALOG_SKUS.boltShort, quantity: 2 }] }),
      },
      "POST /admin/customers/verify": {
        method: "POST",
        path: "/admin/customers/verify",
        body: () => ({ customer_id: customers.unverifiedBusiness.id }),
      },
      "GET /admin/customers/business": { method: "GET", path: "/admin/customers/business" },
      "GET /admin/customers/:owner/tax-id": { method: "GET", path: "/admin/customers/:owner/tax-id" },
      "POST /admin/customers/:owner/tax-id/check": { method: "POST", path: "/admin/customers/:owner/tax-id/check" },
      "GET /admin/quotes": { method: "GET", path: "/admin/quotes" },
      "GET /admin/quotes/:quote": { method: "GET", path: "/admin/quotes/:quote" },
      "POST /admin/quotes/:quote/respond": {
        method: "POST",
        path: "/admin/quotes/:quote/respond",
        body: () => ({
          items: quoteItemIds.map((id) => ({ id, unit_price: 4 })),
          expires_at: new Date(Date.now() + 86_400_000).toISOString(),
        }),
      },
      "POST /admin/quotes/:quote/reject": { method: "POST", path: "/admin/quotes/:quote/reject", body: () => ({}) },
      "POST /hooks/clerk": {
        method: "POST",
        path: "/hooks/clerk",
        body: () => ({ type: "user.deleted", data: { object: "user", id: customers.verifiedBusiness.userId, deleted: true } }),
      },
    }

    const tokenFor = (actor: Actor, route: string) =>
      // sync-role is called, as in the storefront flow, with the sign-in token.
      route === "POST /store/customers/sync-role" && actor in customers
        ? customers[actor as keyof typeof customers].signInToken
        : tokens[actor]

    it.each(MATRIX)("%s", async (route, expected) => {
      const call = calls[route]
      const path = call.path
        .replace(":owner", customers.verifiedBusiness.id)
        .replace(":companyQuote", companyQuoteId)
        .replace(":quote", quoteId)
        .replace(":company", companyId)
      const actual = {} as Record<Actor, number>
      for (const actor of ORDER) {
        const res = await http()(call.method, path, {
          token: tokenFor(actor, route),
          pk: path.startsWith("/store") ? pk : undefined,
          body: call.body?.(),
        })
        actual[actor] = res.status
        if (res.status >= 400) {
          expect(res.data?.message).toEqual(expect.any(String))
        }
      }
      expect(actual).toEqual(expected)
    })

    it("an individual is told a business account is required", async () => {
      const res = await http()("GET", "/store/quotes", { token: tokens.individual, pk })
      expect(res.status).toBe(403)
      expect(res.data.message).toMatch(/business account is required/)
    })

    it("a burst of guarded calls makes no Clerk request", async () => {
      clerk.clerk.resetRequests()
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          http()("GET", "/store/quotes", {
            token: [tokens.verifiedBusiness, tokens.unverifiedBusiness, tokens.individual][i % 3],
            pk,
          })
        )
      )
      expect(results.map((r) => r.status).sort()).toEqual([...Array(40).fill(200), ...Array(20).fill(403)].sort())
      expect(clerk.clerk.count()).toBe(0)
    })

    it("company members' guarded calls make no Clerk request and name the missing role", async () => {
      clerk.clerk.resetRequests()
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          http()("POST", "/store/orders/create-bulk", {
            token: [tokens.companyAdmin, tokens.companyBuyer, tokens.companyMember][i % 3],
            pk,
            body: { items: [{ sku: CATALOG_SKUS.boltShort, quantity: 1 }] },
          })
        )
      )
      expect(results.map((r) => r.status).sort()).toEqual([...Array(20).fill(201), ...Array(10).fill(403)].sort())
      expect(results.find((r) => r.status === 403)!.data.message).toMatch(
        /company role admin or buyer; your role in Matrix GmbH is member/
      )
      expect(clerk.clerk.count()).toBe(0)
    })

    describe("with roles served from Medusa's Caching Module", () => {
      it("serves a company member's role from the cache, and verifying the company clears every member's cache", async () => {
        const caching = getContainer().resolve(Modules.CACHING, { allowUnregistered: true }) as any
        const members = [customers.companyAdmin, customers.companyBuyer, customers.companyMember]
        for (const m of members) {
          await caching.clear({ tags: [customerRoleCacheTag(m.id)] })
        }
        for (const actor of ["companyAdmin", "companyBuyer", "companyMember"] as const) {
          expect((await http()("GET", "/store/quotes", { token: tokens[actor], pk })).status).toBe(200)
        }
        await new Promise((resolve) => setTimeout(resolve, 100))
        for (const m of members) {
          const cached = JSON.stringify(await caching.get({ tags: [customerRoleCacheTag(m.id)] }))
          expect(cached).toContain(companyId)
          expect(cached).toContain('"active_company_verified":false')
        }

        const verified = await http()("POST", `/admin/companies/${companyId}/verify`, { token: admin.token, body: {} })
        expect(verified.status).toBe(200)
        for (const m of members) {
          expect((await caching.get({ tags: [customerRoleCacheTag(m.id)] })) ?? []).toEqual([])
        }
        const guard = (customerId: string) =>
          new Promise<MedusaError | undefined>((resolve) =>
            requireVerifiedBusiness()(
              { scope: getContainer(), auth_context: { actor_id: customerId } } as any,
              {} as any,
              (e?: unknown) => resolve(e as MedusaError | undefined)
            )
          )
        expect(await guard(customers.companyMember.id)).toBeUndefined()
        expect((await guard(customers.otherCompanyAdmin.id))?.message).toMatch(/Your company Elsewhere Ltd is not verified yet/)
      })


      it("serves a guarded request's role from the cache, and a verification clears it", async () => {
        const caching = getContainer().resolve(Modules.CACHING, { allowUnregistered: true }) as any
        expect(caching).toBeTruthy()
        const id = customers.secondBusiness.id
        const tags = [customerRoleCacheTag(id)]
        await caching.clear({ tags })

        expect((await http()("GET", "/store/quotes", { token: tokens.secondBusiness, pk })).status).toBe(200)
        // The cache is written in the background after the first read.
        await new Promise((resolve) => setTimeout(resolve, 100))
        const cached = await caching.get({ tags })
        expect(JSON.stringify(cached)).toContain('"is_verified":true')

        await http()("POST", "/admin/customers/verify", { token: admin.token, body: { customer_id: id, verified: false } })
        expect((await caching.get({ tags })) ?? []).toEqual([])
      })

      it("a re-sync from individual to business is seen by the very next guarded request", async () => {
        const first = await http()("GET", "/store/quotes", { token: tokens.individual, pk })
        expect(first.status).toBe(403)
        const again = await http()("GET", "/store/quotes", { token: tokens.individual, pk })
        expect(again.status).toBe(403)

        const user = clerk.clerk.users.get(customers.individual.userId)
        user.unsafe_metadata = { accountType: "business", company: "Now A Business Ltd" }
        const synced = await http()("POST", "/store/customers/sync-role", { token: tokens.individual, pk })
        expect(synced.data.customer_meta.account_type).toBe("business")

        const after = await http()("GET", "/store/quotes", { token: tokens.individual, pk })
        expect(after.status).toBe(200)
      })

      it("an unverify is seen by the very next requireVerifiedBusiness check", async () => {
        const guard = (customerId: string) =>
          new Promise<MedusaError | undefined>((resolve) =>
            requireVerifiedBusiness()(
              { scope: getContainer(), auth_context: { actor_id: customerId } } as any,
              {} as any,
              (e?: unknown) => resolve(e as MedusaError | undefined)
            )
          )
        const id = customers.verifiedBusiness.id
        expect(await guard(id)).toBeUndefined()
        expect(await guard(id)).toBeUndefined()

        await http()("POST", "/admin/customers/verify", { token: admin.token, body: { customer_id: id, verified: false } })
        expect((await guard(id))?.type).toBe(MedusaError.Types.FORBIDDEN)

        await http()("POST", "/admin/customers/verify", { token: admin.token, body: { customer_id: id } })
        expect(await guard(id)).toBeUndefined()
      })
    })
  },
})
