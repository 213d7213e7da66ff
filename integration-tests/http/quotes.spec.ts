import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { testDbName } from "../helpers/db-name"
import { MedusaError, Modules, ProductStatus } from "@medusajs/framework/utils"
import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import {
  acceptQuoteWorkflow,
  createQuoteRequestWorkflow,
  markQuoteAcceptedStepId,
  rejectQuoteWorkflow,
  respondToQuoteWorkflow,
} from "../../src/workflows/quote"
import { useOfflineClerk } from "../helpers/clerk"
import {
  collectEvents,
  createAdminToken,
  createStoreContext,
  httpClient,
  registerEmailpassCustomer,
  settle,
} from "../helpers/medusa"
import { CATALOG_SKUS, seedCatalog, type SeededCatalog } from "../helpers/catalog"

jest.setTimeout(120 * 1000)

const clerk = useOfflineClerk()

const inOneDay = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString()

/**
 * A host's handlers on the quote workflows' hooks, registered once as a host
 * would (a hook takes one handler): each records what it received and
 * refuses with a 400 while a test sets `refuse[name]`.
 */
const hookCalls: Record<string, any[]> = {}
const refuse: Record<string, string | undefined> = {}
const hostHandler = (name: string) => async (data: any) => {
  ;(hookCalls[name] ??= []).push(data)
  if (refuse[name]) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refuse[name]!)
  }
}
createQuoteRequestWorkflow.hooks.validate(hostHandler("create.validate"))
createQuoteRequestWorkflow.hooks.quoteRequestCreated(hostHandler("create.created"))
acceptQuoteWorkflow.hooks.validate(hostHandler("accept.validate"))
acceptQuoteWorkflow.hooks.quoteAccepted(hostHandler("accept.accepted"))
respondToQuoteWorkflow.hooks.validate(hostHandler("respond.validate"))
respondToQuoteWorkflow.hooks.quoteResponded(hostHandler("respond.responded"))
rejectQuoteWorkflow.hooks.validate(hostHandler("reject.validate"))
rejectQuoteWorkflow.hooks.quoteRejected(hostHandler("reject.rejected"))

medusaIntegrationTestRunner({
  dbName: testDbName("quotes"),
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
      for (const key of Object.keys(hookCalls)) delete hookCalls[key]
      for (const key of Object.keys(refuse)) delete refuse[key]
    })

    const bolt = () => catalog.variants[CATALOG_SKUS.boltShort]
    const boltLong = () => catalog.variants[CATALOG_SKUS.boltLong]
    const wrap = () => catalog.variants[CATALOG_SKUS.wrap]

    const customer = (unsafeMetadata: Record<string, unknown>) =>
      clerk.customer(api, pk, { unsafeMetadata })
    const business = (company = "Acme GmbH") => customer({ accountType: "business", company })
    const individual = () => customer({})

    const store = (method: "GET" | "POST" | "DELETE", url: string, token?: string, body?: unknown) =>
      http()(method, url, { token, pk, body })
    const adminCall = (method: "GET" | "POST", url: string, body?: unknown, token = admin.token) =>
      http()(method, url, { token, body })

    const requestQuote = async (token: string, items = [{ variant_id: bolt().id, quantity: 500 }], message?: string) => {
      const res = await store("POST", "/store/quotes/request", token, { items, message })
      expect(res.status).toBe(201)
      return res.data.quote
    }
    const priceAll = (quote: any, price = (item: any) => 7.25) =>
      quote.items.map((item: any) => ({ id: item.id, unit_price: price(item) }))
    const respond = async (quote: any, price?: (item: any) => number, expires_at = inOneDay()) => {
      const res = await adminCall("POST", `/admin/quotes/${quote.id}/respond`, {
        items: priceAll(quote, price),
        note: "Valid for full pallets",
        expires_at,
      })
      expect(res.status).toBe(200)
      return res.data.quote
    }
    const quoteService = () => getContainer().resolve("roleSyncQuote") as any
    const readQuote = async (id: string) => {
      const [quote] = await quoteService().listQuoteRequests({ id }, { relations: ["items"] })
      return quote
    }
    const cartCount = async () =>
      (await getContainer().resolve(Modules.CART).listCarts({})).length

    describe("POST /store/quotes/request", () => {
      it("stores the request with line snapshots, merges a repeated variant, answers 201 and emits quote_request.created with ids only", async () => {
        const buyer = await business()
        const events = collectEvents(getContainer(), ["quote_request.created"])

        const res = await store("POST", "/store/quotes/request", buyer.token, {
          items: [
            { variant_id: bolt().id, quantity: 400 },
            { variant_id: wrap().id, quantity: 20 },
            { variant_id: bolt().id, quantity: 100 },
          ],
          message: "Pallet pricing, please",
        })

        expect(res.status).toBe(201)
        const quote = res.data.quote
        expect(quote).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^qreq_/),
            status: "requested",
            customer_id: buyer.customerId,
            message: "Pallet pricing, please",
            created_at: expect.any(String),
            region_id: catalog.regionId,
            currency_code: "eur",
            cart_id: null,
            expires_at: null,
          })
        )
        expect(quote.items).toHaveLength(2)
        expect(quote.items).toEqual(
          expect.arrayContaining([
            {
              id: expect.stringMatching(/^qitem_/),
              variant_id: bolt().id,
              quantity: 500,
              quoted_unit_price: null,
              title: "Steel bolt M8 / 20 mm",
              sku: CATALOG_SKUS.boltShort,
            },
            {
              id: expect.stringMatching(/^qitem_/),
              variant_id: wrap().id,
              quantity: 20,
              quoted_unit_price: null,
              title: "Pallet wrap / 500 mm",
              sku: CATALOG_SKUS.wrap,
            },
          ])
        )

        const stored = await readQuote(quote.id)
        expect(stored.status).toBe("requested")
        expect(stored.items).toHaveLength(2)

        for (let i = 0; i < 40 && !events.seen.length; i++) await settle(50)
        expect(events.seen).toEqual([
          { name: "quote_request.created", data: { id: quote.id, customer_id: buyer.customerId } },
        ])
        events.stop()
      })

      it("answers 400 naming every bad variant (unknown, another sales channel, draft product), stores nothing and emits nothing", async () => {
        const buyer = await business()
        const events = collectEvents(getContainer(), ["quote_request.created"])

        const res = await store("POST", "/store/quotes/request", buyer.token, {
          items: [
            { variant_id: bolt().id, quantity: 1 },
            { variant_id: "variant_does_not_exist", quantity: 1 },
            { variant_id: catalog.otherChannelVariant.id, quantity: 1 },
            { variant_id: catalog.draftVariant.id, quantity: 1 },
          ],
        })

        expect(res.status).toBe(400)
        expect(res.data.type).toBe("invalid_data")
        expect(res.data.message).toContain("variant_does_not_exist")
        expect(res.data.message).toContain(catalog.otherChannelVariant.id)
        expect(res.data.message).toContain(catalog.draftVariant.id)
        expect(res.data.message).not.toContain(bolt().id)
        expect(res.data.errors).toEqual([
          { index: 1, reason: expect.stringContaining("variant_does_not_exist") },
          { index: 2, reason: expect.stringContaining("not sold in this store's sales channel") },
          { index: 3, reason: expect.stringContaining(catalog.draftVariant.id) },
        ])
        expect(await quoteService().listQuoteRequests({})).toHaveLength(0)
        expect(await quoteService().listQuoteRequestItems({})).toHaveLength(0)

        // The first event seen afterwards belongs to the next good request.
        const good = await requestQuote(buyer.token)
        for (let i = 0; i < 40 && !events.seen.length; i++) await settle(50)
        await settle()
        expect(events.seen.map((e) => e.data.id)).toEqual([good.id])
        events.stop()
      })

      it("answers 400 (never 5xx) to malformed bodies and stores nothing", async () => {
        const buyer = await business()
        const line = { variant_id: bolt().id, quantity: 1 }
        const bodies: unknown[] = [
          {},
          { items: [] },
          { items: Array.from({ length: 201 }, () => line) },
          { items: [{ ...line, quantity: 0 }] },
          { items: [{ ...line, quantity: 100001 }] },
          { items: [{ ...line, quantity: 1.5 }] },
          { items: [{ ...line, quantity: "5" }] },
          { items: [{ quantity: 1 }] },
          { items: [{ ...line, sku: "X" }] },
          { items: [line], message: "x".repeat(2001) },
          { items: [line], surprise: true },
          { items: "all of them" },
          { items: [null] },
          [line],
        ]
        for (const body of bodies) {
          const res = await store("POST", "/store/quotes/request", buyer.token, body)
          expect({ body, status: res.status }).toEqual({ body, status: 400 })
          expect(res.data.type).toBe("invalid_data")
        }
        const raw = await http()("POST", "/store/quotes/request", {
          token: buyer.token,
          pk,
          body: "{not json",
          headers: { "content-type": "application/json" },
        })
        expect(raw.status).toBe(400)

        const edge = await store("POST", "/store/quotes/request", buyer.token, {
          items: [{ ...line, quantity: 100000 }],
          message: "x".repeat(2000),
        })
        expect(edge.status).toBe(201)
        expect(await quoteService().listQuoteRequests({})).toHaveLength(1)
      })

      it("uses the region asked for, and refuses an unknown one with 400", async () => {
        const buyer = await business()
        const ok = await store("POST", "/store/quotes/request", buyer.token, {
          items: [{ variant_id: bolt().id, quantity: 1 }],
          region_id: catalog.regionId,
        })
        expect(ok.status).toBe(201)
        expect(ok.data.quote.region_id).toBe(catalog.regionId)

        const bad = await store("POST", "/store/quotes/request", buyer.token, {
          items: [{ variant_id: bolt().id, quantity: 1 }],
          region_id: "reg_nope",
        })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("reg_nope")
        expect(await quoteService().listQuoteRequests({})).toHaveLength(1)
      })
    })

    describe("who may use the store quote routes", () => {
      it("an individual gets 403 'business account is required' on every route, an anonymous caller 401, and nothing is stored", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token)
        const person = await individual()
        const emailpass = await registerEmailpassCustomer(api, pk, "no-role@example.test")

        const routes: ["GET" | "POST", string, unknown?][] = [
          ["POST", "/store/quotes/request", { items: [{ variant_id: bolt().id, quantity: 1 }] }],
          ["GET", "/store/quotes"],
          ["GET", `/store/quotes/${quote.id}`],
          ["POST", `/store/quotes/${quote.id}/accept`],
          ["POST", `/store/quotes/${quote.id}/reject`],
        ]
        for (const [method, url, body] of routes) {
          for (const token of [person.token, emailpass.token]) {
            const res = await store(method, url, token, body)
            expect({ url, status: res.status }).toEqual({ url, status: 403 })
            expect(res.data.message).toMatch(/business account is required/i)
          }
          const anonymous = await store(method, url, undefined, body)
          expect({ url, status: anonymous.status }).toEqual({ url, status: 401 })
        }
        expect(await quoteService().listQuoteRequests({})).toHaveLength(1)
        expect((await readQuote(quote.id)).status).toBe("requested")
      })
    })

    describe("GET /store/quotes and /store/quotes/:id", () => {
      it("lists only the caller's quotes, newest first, with count, limit, offset and a status filter", async () => {
        const buyer = await business()
        const other = await business("Globex")
        const first = await requestQuote(buyer.token)
        const second = await requestQuote(buyer.token, [{ variant_id: wrap().id, quantity: 3 }])
        const third = await requestQuote(buyer.token)
        await requestQuote(other.token)
        await respond(second)

        const all = await store("GET", "/store/quotes", buyer.token)
        expect(all.status).toBe(200)
        expect(all.data).toEqual(
          expect.objectContaining({ count: 3, limit: 20, offset: 0 })
        )
        expect(all.data.quotes.map((q: any) => q.id)).toEqual([third.id, second.id, first.id])
        expect(all.data.quotes.every((q: any) => q.customer_id === buyer.customerId)).toBe(true)
        expect(all.data.quotes[1].items[0]).toEqual(
          expect.objectContaining({ variant_id: wrap().id, quantity: 3, quoted_unit_price: 7.25 })
        )

        const page = await store("GET", "/store/quotes?limit=1&offset=1", buyer.token)
        expect(page.data).toEqual(expect.objectContaining({ count: 3, limit: 1, offset: 1 }))
        expect(page.data.quotes.map((q: any) => q.id)).toEqual([second.id])

        const quoted = await store("GET", "/store/quotes?status=quoted", buyer.token)
        expect(quoted.data.count).toBe(1)
        expect(quoted.data.quotes[0]).toEqual(
          expect.objectContaining({ id: second.id, status: "quoted", admin_note: "Valid for full pallets" })
        )

        for (const query of ["?limit=0", "?limit=101", "?offset=-1", "?status=lost", "?limit=abc"]) {
          const res = await store("GET", `/store/quotes${query}`, buyer.token)
          expect({ query, status: res.status }).toEqual({ query, status: 400 })
        }
      })

      it("returns the caller's quote, and 404 for another business's quote or an unknown id", async () => {
        const buyer = await business()
        const other = await business("Globex")
        const quote = await requestQuote(buyer.token)

        const own = await store("GET", `/store/quotes/${quote.id}`, buyer.token)
        expect(own.status).toBe(200)
        expect(own.data.quote).toEqual(expect.objectContaining({ id: quote.id, items: quote.items }))

        for (const url of [`/store/quotes/${quote.id}`, "/store/quotes/qreq_unknown"]) {
          const res = await store("GET", url, other.token)
          expect({ url, status: res.status }).toEqual({ url, status: 404 })
        }
        for (const action of ["accept", "reject"]) {
          const res = await store("POST", `/store/quotes/${quote.id}/${action}`, other.token)
          expect({ action, status: res.status }).toEqual({ action, status: 404 })
        }
        const stored = await readQuote(quote.id)
        expect(stored.status).toBe("requested")
        expect(stored.cart_id).toBeNull()
      })
    })

    describe("POST /store/quotes/:id/accept", () => {
      it("fixes the quoted lines of the accepted cart: no quantity change, removal or added line at the quoted price", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token, [{ variant_id: bolt().id, quantity: 1000 }])
        await respond(quote, () => 1)
        const { cart } = (await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)).data
        const line = cart.items[0]

        const more = await store("POST", `/store/carts/${cart.id}/line-items/${line.id}`, buyer.token, { quantity: 100000 })
        expect(more.status).toBe(400)
        expect(more.data.message).toMatch(/quoted quantities and prices/)
        const removed = await store("DELETE", `/store/carts/${cart.id}/line-items/${line.id}`, buyer.token)
        expect(removed.status).toBe(400)
        const added = await store("POST", `/store/carts/${cart.id}/line-items`, buyer.token, { variant_id: bolt().id, quantity: 5 })
        expect(added.status).toBe(400)

        const after = await store("GET", `/store/carts/${cart.id}`, buyer.token)
        expect(after.data.cart.items.map((i: any) => [i.quantity, i.unit_price])).toEqual([[1000, 1]])

        // Any other cart of the customer is untouched by this rule.
        const own = await store("POST", "/store/carts", buyer.token, {
          region_id: catalog.regionId,
          items: [{ variant_id: bolt().id, quantity: 1 }],
        })
        const ownLine = own.data.cart.items[0]
        const changed = await store("POST", `/store/carts/${own.data.cart.id}/line-items/${ownLine.id}`, buyer.token, { quantity: 3 })
        expect(changed.status).toBe(200)
      })

      it("creates a cart for the customer whose line prices are the quoted prices, records cart_id, and marks the quote accepted", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token, [
          { variant_id: bolt().id, quantity: 500 },
          { variant_id: boltLong().id, quantity: 250 },
        ])
        const prices: Record<string, number> = { [bolt().id]: 7.25, [boltLong().id]: 9.1 }
        await respond(quote, (item) => prices[item.variant_id])
        const cartsBefore = await cartCount()

        const res = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)

        expect(res.status).toBe(200)
        const { quote: accepted, cart } = res.data
        expect(accepted).toEqual(
          expect.objectContaining({ id: quote.id, status: "accepted", cart_id: cart.id })
        )
        expect(cart).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^cart_/),
            customer_id: buyer.customerId,
            email: buyer.email,
            region_id: catalog.regionId,
            currency_code: "eur",
            sales_channel_id: catalog.salesChannelId,
          })
        )
        expect(cart.items).toHaveLength(2)
        for (const item of cart.items) {
          expect(item.unit_price).toBe(prices[item.variant_id])
          // Not the catalog price: the quote's.
          expect(item.unit_price).not.toBe(catalog.variants[item.variant_sku].price)
        }
        expect(
          Object.fromEntries(cart.items.map((i: any) => [i.variant_id, i.quantity]))
        ).toEqual({ [bolt().id]: 500, [boltLong().id]: 250 })
        expect(await cartCount()).toBe(cartsBefore + 1)

        const stored = await readQuote(quote.id)
        expect(stored.status).toBe("accepted")
        expect(stored.cart_id).toBe(cart.id)

        // Medusa's own cart route sees the same cart and prices.
        const viaCore = await store("GET", `/store/carts/${cart.id}`, buyer.token)
        expect(viaCore.status).toBe(200)
        expect(viaCore.data.cart.items.map((i: any) => i.unit_price).sort()).toEqual([7.25, 9.1])

        // Accepting again is an invalid transition: 400 and no second cart.
        const again = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/accepted/)
        expect(await cartCount()).toBe(cartsBefore + 1)
      })

      it("a double click creates exactly one cart", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token)
        await respond(quote)
        const cartsBefore = await cartCount()

        const results = await Promise.all(
          [1, 2, 3].map(() => store("POST", `/store/quotes/${quote.id}/accept`, buyer.token))
        )

        expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400])
        expect(await cartCount()).toBe(cartsBefore + 1)
        const winner = results.find((r) => r.status === 200)!
        expect((await readQuote(quote.id)).cart_id).toBe(winner.data.cart.id)
      })

      it("fails whole when the cart can't be built (product withdrawn since quoting) or the storefront key sells elsewhere: 400, quote still quoted, no cart", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token, [
          { variant_id: bolt().id, quantity: 5 },
          { variant_id: wrap().id, quantity: 5 },
        ])
        await respond(quote)
        const cartsBefore = await cartCount()

        const otherStorefront = await createStoreContext(getContainer())
        const elsewhere = await http()("POST", `/store/quotes/${quote.id}/accept`, {
          token: buyer.token,
          pk: otherStorefront.publishableKey,
        })
        expect(elsewhere.status).toBe(400)
        expect(elsewhere.data.message).toMatch(/another sales channel/)

        await updateProductsWorkflow(getContainer()).run({
          input: { selector: { id: wrap().product_id }, update: { status: ProductStatus.DRAFT } },
        })
        const withdrawn = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)
        expect(withdrawn.status).toBe(400)
        expect(withdrawn.data.message).toContain(wrap().id)

        const stored = await readQuote(quote.id)
        expect(stored.status).toBe("quoted")
        expect(stored.cart_id).toBeNull()
        expect(await cartCount()).toBe(cartsBefore)
      })

      it("refuses a quote that is only requested with 400 and changes nothing", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token)
        const cartsBefore = await cartCount()

        const res = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)

        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/requested and cannot be accepted/)
        const stored = await readQuote(quote.id)
        expect(stored.status).toBe("requested")
        expect(stored.cart_id).toBeNull()
        expect(await cartCount()).toBe(cartsBefore)
      })

      it("refuses an offer past its expiry with 400, marks the quote expired, creates no cart, and keeps refusing", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token)
        await respond(quote)
        // Time passes: the offer ran out a minute ago.
        await quoteService().updateQuoteRequests({
          id: quote.id,
          expires_at: new Date(Date.now() - 60 * 1000),
        })
        const cartsBefore = await cartCount()

        const res = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)

        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/expired/)
        const stored = await readQuote(quote.id)
        expect(stored.status).toBe("expired")
        expect(stored.cart_id).toBeNull()
        expect(await cartCount()).toBe(cartsBefore)

        const again = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)
        expect(again.status).toBe(400)
        const respondAgain = await adminCall("POST", `/admin/quotes/${quote.id}/respond`, {
          items: priceAll(quote),
          expires_at: inOneDay(),
        })
        expect(respondAgain.status).toBe(400)
        expect((await readQuote(quote.id)).status).toBe("expired")
      })
    })

    describe("scheduled job: expire lapsed offers", () => {
      it("marks quoted offers past their expiry as expired and leaves the others", async () => {
        const buyer = await business()
        const lapsed = await requestQuote(buyer.token)
        const current = await requestQuote(buyer.token)
        const requested = await requestQuote(buyer.token)
        await respond(lapsed)
        await respond(current)
        await quoteService().updateQuoteRequests({ id: lapsed.id, expires_at: new Date(Date.now() - 60 * 1000) })

        const { default: expireQuotesJob, config } = await import("../../src/jobs/expire-quotes")
        await expireQuotesJob(getContainer())

        expect(config.schedule).toBe("*/15 * * * *")
        expect((await readQuote(lapsed.id)).status).toBe("expired")
        expect((await readQuote(current.id)).status).toBe("quoted")
        expect((await readQuote(requested.id)).status).toBe("requested")
        const mine = await store("GET", "/store/quotes?status=expired", buyer.token)
        expect(mine.data.quotes.map((q: any) => q.id)).toEqual([lapsed.id])
      })
    })

    describe("POST /store/quotes/:id/reject", () => {
      it("rejects a requested or quoted quote (rejected_by customer) and refuses final states with 400", async () => {
        const buyer = await business()
        const requested = await requestQuote(buyer.token)
        const quoted = await requestQuote(buyer.token)
        await respond(quoted)

        for (const quote of [requested, quoted]) {
          const res = await store("POST", `/store/quotes/${quote.id}/reject`, buyer.token)
          expect(res.status).toBe(200)
          expect(res.data.quote).toEqual(
            expect.objectContaining({ id: quote.id, status: "rejected", rejected_by: "customer" })
          )
        }

        const again = await store("POST", `/store/quotes/${requested.id}/reject`, buyer.token)
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/rejected and cannot be rejected/)

        const accepted = await requestQuote(buyer.token)
        await respond(accepted)
        expect((await store("POST", `/store/quotes/${accepted.id}/accept`, buyer.token)).status).toBe(200)
        const rejectAccepted = await store("POST", `/store/quotes/${accepted.id}/reject`, buyer.token)
        expect(rejectAccepted.status).toBe(400)
        const stored = await readQuote(accepted.id)
        expect(stored.status).toBe("accepted")
        expect(stored.rejected_by).toBeNull()

        const acceptRejected = await store("POST", `/store/quotes/${quoted.id}/accept`, buyer.token)
        expect(acceptRejected.status).toBe(400)
        expect((await readQuote(quoted.id)).cart_id).toBeNull()
      })
    })

    describe("admin quote routes", () => {
      it("lists quotes newest first with the customer and company, filtered by status and customer, paginated with a count", async () => {
        const acme = await business("Acme GmbH")
        const globex = await business("Globex")
        const a1 = await requestQuote(acme.token)
        const g1 = await requestQuote(globex.token)
        const a2 = await requestQuote(acme.token)
        await respond(a1)

        const all = await adminCall("GET", "/admin/quotes")
        expect(all.status).toBe(200)
        expect(all.data).toEqual(expect.objectContaining({ count: 3, limit: 20, offset: 0 }))
        expect(all.data.quotes.map((q: any) => q.id)).toEqual([a2.id, g1.id, a1.id])
        const acmeQuote = all.data.quotes.find((q: any) => q.id === a1.id)
        // The customer and its role, as Query reads them through the links.
        expect(acmeQuote.customer).toEqual({
          id: acme.customerId,
          email: acme.email,
          first_name: "Test",
          last_name: "User",
          customer_meta: expect.objectContaining({ company_name: "Acme GmbH", is_verified: false }),
        })
        expect(acmeQuote.items[0]).toEqual(expect.objectContaining({ quoted_unit_price: 7.25 }))

        const byCustomer = await adminCall("GET", `/admin/quotes?customer_id=${acme.customerId}`)
        expect(byCustomer.data.count).toBe(2)
        expect(byCustomer.data.quotes.map((q: any) => q.id)).toEqual([a2.id, a1.id])

        const requested = await adminCall("GET", "/admin/quotes?status=requested")
        expect(requested.data.count).toBe(2)
        expect(requested.data.quotes.map((q: any) => q.id).sort()).toEqual([a2.id, g1.id].sort())

        const both = await adminCall("GET", `/admin/quotes?status=quoted&customer_id=${globex.customerId}`)
        expect(both.data).toEqual(expect.objectContaining({ count: 0, quotes: [] }))

        const page = await adminCall("GET", "/admin/quotes?limit=2&offset=2")
        expect(page.data).toEqual(expect.objectContaining({ count: 3, limit: 2, offset: 2 }))
        expect(page.data.quotes.map((q: any) => q.id)).toEqual([a1.id])

        for (const query of ["?limit=101", "?limit=0", "?offset=-5", "?status=open"]) {
          const res = await adminCall("GET", `/admin/quotes${query}`)
          expect({ query, status: res.status }).toEqual({ query, status: 400 })
        }
      })

      it("returns one quote with its lines, and 404 for an unknown id", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token, [
          { variant_id: bolt().id, quantity: 2 },
          { variant_id: wrap().id, quantity: 3 },
        ])
        const res = await adminCall("GET", `/admin/quotes/${quote.id}`)
        expect(res.status).toBe(200)
        expect(res.data.quote).toEqual(
          expect.objectContaining({
            id: quote.id,
            status: "requested",
            customer: expect.objectContaining({
              id: buyer.customerId,
              customer_meta: expect.objectContaining({ company_name: "Acme GmbH" }),
            }),
          })
        )
        expect(res.data.quote.items).toHaveLength(2)
        expect((await adminCall("GET", "/admin/quotes/qreq_unknown")).status).toBe(404)
        expect((await adminCall("POST", "/admin/quotes/qreq_unknown/respond", {
          items: [{ id: "qitem_x", unit_price: 1 }],
          expires_at: inOneDay(),
        })).status).toBe(404)
        expect((await adminCall("POST", "/admin/quotes/qreq_unknown/reject", {})).status).toBe(404)
      })

      it("respond prices every line, sets the note and expiry (requested → quoted), and may re-price a quoted offer", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token, [
          { variant_id: bolt().id, quantity: 100 },
          { variant_id: wrap().id, quantity: 10 },
        ])
        const expires = inOneDay()

        const res = await adminCall("POST", `/admin/quotes/${quote.id}/respond`, {
          items: priceAll(quote, (i) => (i.variant_id === bolt().id ? 8 : 0)),
          note: "Free wrap with the bolts",
          expires_at: expires,
        })

        expect(res.status).toBe(200)
        expect(res.data.quote).toEqual(
          expect.objectContaining({
            status: "quoted",
            admin_note: "Free wrap with the bolts",
            expires_at: new Date(expires).toISOString(),
          })
        )
        const priced = Object.fromEntries(
          res.data.quote.items.map((i: any) => [i.variant_id, i.quoted_unit_price])
        )
        expect(priced).toEqual({ [bolt().id]: 8, [wrap().id]: 0 })

        const again = await adminCall("POST", `/admin/quotes/${quote.id}/respond`, {
          items: priceAll(quote, () => 6.5),
          expires_at: expires,
        })
        expect(again.status).toBe(200)
        expect(again.data.quote.status).toBe("quoted")
        expect(again.data.quote.admin_note).toBe("Free wrap with the bolts")
        expect(again.data.quote.items.map((i: any) => i.quoted_unit_price)).toEqual([6.5, 6.5])
      })

      it("respond refuses a missing, unknown or repeated line price, a past or malformed expiry and a negative price with 400, and changes nothing", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token, [
          { variant_id: bolt().id, quantity: 100 },
          { variant_id: wrap().id, quantity: 10 },
        ])
        const [first, second] = quote.items
        const bodies: [string, unknown, RegExp][] = [
          ["a line without price", { items: [{ id: first.id, unit_price: 5 }], expires_at: inOneDay() }, new RegExp(`missing a price: ${second.id}`)],
          ["an unknown line", { items: [...priceAll(quote), { id: "qitem_other", unit_price: 1 }], expires_at: inOneDay() }, /qitem_other/],
          ["a line priced twice", { items: [...priceAll(quote), { id: first.id, unit_price: 1 }], expires_at: inOneDay() }, /more than once/],
          ["a past expiry", { items: priceAll(quote), expires_at: new Date(Date.now() - 1000).toISOString() }, /future/],
          ["an expiry that is not a datetime", { items: priceAll(quote), expires_at: "next tuesday" }, /expires_at/],
          ["no expiry", { items: priceAll(quote) }, /expires_at/],
          ["a negative price", { items: priceAll(quote, () => -1), expires_at: inOneDay() }, /unit_price/],
          ["a price that is a string", { items: priceAll(quote, () => "5" as any), expires_at: inOneDay() }, /unit_price/],
          ["no items", { items: [], expires_at: inOneDay() }, /items/],
          ["an unknown field", { items: priceAll(quote), expires_at: inOneDay(), discount: 5 }, /discount/],
        ]
        for (const [name, body, message] of bodies) {
          const res = await adminCall("POST", `/admin/quotes/${quote.id}/respond`, body)
          expect({ name, status: res.status }).toEqual({ name, status: 400 })
          expect({ name, message: res.data.message }).toEqual({ name, message: expect.stringMatching(message) })
        }
        const stored = await readQuote(quote.id)
        expect(stored.status).toBe("requested")
        expect(stored.expires_at).toBeNull()
        expect(stored.items.map((i: any) => i.quoted_unit_price)).toEqual([null, null])
      })

      it("respond and reject refuse accepted and rejected quotes with 400, changing nothing", async () => {
        const buyer = await business()
        const accepted = await requestQuote(buyer.token)
        await respond(accepted, () => 5)
        expect((await store("POST", `/store/quotes/${accepted.id}/accept`, buyer.token)).status).toBe(200)
        const rejected = await requestQuote(buyer.token)
        expect((await store("POST", `/store/quotes/${rejected.id}/reject`, buyer.token)).status).toBe(200)

        for (const quote of [accepted, rejected]) {
          const before = await readQuote(quote.id)
          const res = await adminCall("POST", `/admin/quotes/${quote.id}/respond`, {
            items: priceAll(quote, () => 1),
            expires_at: inOneDay(),
          })
          expect(res.status).toBe(400)
          expect(res.data.message).toMatch(/cannot be priced/)
          const reject = await adminCall("POST", `/admin/quotes/${quote.id}/reject`, { note: "no" })
          expect(reject.status).toBe(400)
          const after = await readQuote(quote.id)
          expect(after.status).toBe(before.status)
          expect(after.rejected_by).toBe(before.rejected_by)
          expect(after.admin_note).toBe(before.admin_note)
          expect(after.items.map((i: any) => Number(i.quoted_unit_price ?? -1))).toEqual(
            before.items.map((i: any) => Number(i.quoted_unit_price ?? -1))
          )
        }
      })

      it("admin reject turns a requested or quoted quote down with a note (rejected_by admin); the customer sees it", async () => {
        const buyer = await business()
        const requested = await requestQuote(buyer.token)
        const quoted = await requestQuote(buyer.token)
        await respond(quoted)

        const first = await adminCall("POST", `/admin/quotes/${requested.id}/reject`, { note: "Out of stock until May" })
        expect(first.status).toBe(200)
        expect(first.data.quote).toEqual(
          expect.objectContaining({ status: "rejected", rejected_by: "admin", admin_note: "Out of stock until May" })
        )
        const second = await adminCall("POST", `/admin/quotes/${quoted.id}/reject`)
        expect(second.status).toBe(200)
        expect(second.data.quote.status).toBe("rejected")

        const seen = await store("GET", `/store/quotes/${requested.id}`, buyer.token)
        expect(seen.data.quote).toEqual(
          expect.objectContaining({ status: "rejected", rejected_by: "admin", admin_note: "Out of stock until May" })
        )
        const tooLong = await adminCall("POST", `/admin/quotes/${quoted.id}/reject`, { note: "x".repeat(2001) })
        expect(tooLong.status).toBe(400)
      })

      it("every admin quote route answers 401 to customers (business or not) and to anonymous callers, changing nothing", async () => {
        const buyer = await business()
        const person = await individual()
        const quote = await requestQuote(buyer.token)
        const routes: ["GET" | "POST", string, unknown?][] = [
          ["GET", "/admin/quotes"],
          ["GET", `/admin/quotes/${quote.id}`],
          ["POST", `/admin/quotes/${quote.id}/respond`, { items: priceAll(quote), expires_at: inOneDay() }],
          ["POST", `/admin/quotes/${quote.id}/reject`, { note: "x" }],
        ]
        for (const [method, url, body] of routes) {
          for (const token of [buyer.token, person.token, undefined]) {
            const res = await http()(method, url, { token, body })
            expect({ url, status: res.status }).toEqual({ url, status: 401 })
            // A customer token is still refused with the publishable key sent too.
            const withPk = await http()(method, url, { token, pk, body })
            expect({ url, status: withPk.status }).toEqual({ url, status: 401 })
          }
        }
        expect((await readQuote(quote.id)).status).toBe("requested")
      })
    })

    describe("?fields= and ?order= (query config)", () => {
      it("store routes: fields narrow every answer (lists, detail, POST answers), order sorts, and fields or orders outside the quote are a 400 naming them", async () => {
        const buyer = await business()
        const first = await requestQuote(buyer.token, [{ variant_id: wrap().id, quantity: 3 }])
        const second = await requestQuote(buyer.token)
        await respond(first)

        const narrow = await store("GET", "/store/quotes?fields=id,status", buyer.token)
        expect(narrow.status).toBe(200)
        expect(narrow.data.quotes).toEqual([
          { id: second.id, status: "requested" },
          { id: first.id, status: "quoted" },
        ])

        const oldestFirst = await store("GET", "/store/quotes?order=created_at&fields=id", buyer.token)
        expect(oldestFirst.data.quotes.map((q: any) => q.id)).toEqual([first.id, second.id])
        const byStatus = await store("GET", "/store/quotes?order=-status&fields=id,status", buyer.token)
        expect(byStatus.data.quotes.map((q: any) => q.status)).toEqual(["requested", "quoted"])

        const lines = await store("GET", `/store/quotes/${first.id}?fields=id,*items`, buyer.token)
        expect(lines.status).toBe(200)
        expect(Object.keys(lines.data.quote).sort()).toEqual(["id", "items"])
        expect(lines.data.quote.items[0]).toEqual(
          expect.objectContaining({ variant_id: wrap().id, quantity: 3, quoted_unit_price: 7.25 })
        )
        const plus = await store("GET", `/store/quotes/${first.id}?fields=+items.created_at`, buyer.token)
        expect(plus.data.quote).toEqual(expect.objectContaining({ id: first.id, admin_note: "Valid for full pallets" }))
        expect(plus.data.quote.items[0].created_at).toEqual(expect.any(String))

        const created = await store("POST", "/store/quotes/request?fields=id,status", buyer.token, {
          items: [{ variant_id: bolt().id, quantity: 1 }],
        })
        expect(created.status).toBe(201)
        expect(created.data.quote).toEqual({ id: expect.stringMatching(/^qreq_/), status: "requested" })
        const rejected = await store("POST", `/store/quotes/${created.data.quote.id}/reject?fields=status,rejected_by`, buyer.token)
        expect(rejected.data.quote).toEqual({ id: created.data.quote.id, status: "rejected", rejected_by: "customer" })

        // A customer never reaches the customer record (or its role) through a quote.
        for (const fields of ["customer.email", "*customer", "customer.customer_meta.clerk_user_id", "+customer.id", "nope"]) {
          for (const url of ["/store/quotes", `/store/quotes/${first.id}`]) {
            const res = await store("GET", `${url}?fields=${encodeURIComponent(fields)}`, buyer.token)
            expect({ url, fields, status: res.status }).toEqual({ url, fields, status: 400 })
            expect(res.data.message).toContain(fields.replace(/^[+*]/, ""))
          }
        }
        for (const order of ["customer.email", "-items.quantity", "nope"]) {
          const res = await store("GET", `/store/quotes?order=${order}`, buyer.token)
          expect({ order, status: res.status }).toEqual({ order, status: 400 })
          expect(res.data.message).toMatch(/order/)
        }
        const other = await business("Globex")
        const hidden = await store("GET", `/store/quotes/${first.id}?fields=id`, other.token)
        expect(hidden.status).toBe(404)
        const unknownFilter = await store("GET", `/store/quotes?customer_id=${other.customerId}`, buyer.token)
        expect(unknownFilter.status).toBe(400)
      })

      it("admin routes: fields reach the customer and its role, order sorts, anything else is a 400", async () => {
        const acme = await business("Acme GmbH")
        const globex = await business("Globex")
        const a1 = await requestQuote(acme.token)
        const g1 = await requestQuote(globex.token)

        const res = await adminCall("GET", "/admin/quotes?fields=id,customer.email,customer.customer_meta.company_name&order=created_at")
        expect(res.status).toBe(200)
        // Query also returns the keys it joins on (customer_id).
        expect(res.data.quotes).toEqual([
          {
            id: a1.id,
            customer_id: acme.customerId,
            customer: { id: acme.customerId, email: acme.email, customer_meta: expect.objectContaining({ company_name: "Acme GmbH" }) },
          },
          {
            id: g1.id,
            customer_id: globex.customerId,
            customer: { id: globex.customerId, email: globex.email, customer_meta: expect.objectContaining({ company_name: "Globex" }) },
          },
        ])
        const one = await adminCall("GET", `/admin/quotes/${a1.id}?fields=status,customer.customer_meta.clerk_user_id`)
        expect(one.data.quote).toEqual({
          id: a1.id,
          status: "requested",
          customer_id: acme.customerId,
          customer: expect.objectContaining({ customer_meta: expect.objectContaining({ clerk_user_id: acme.user.id }) }),
        })
        const responded = await adminCall("POST", `/admin/quotes/${a1.id}/respond?fields=status,expires_at`, {
          items: priceAll(a1),
          expires_at: inOneDay(),
        })
        expect(responded.status).toBe(200)
        expect(Object.keys(responded.data.quote).sort()).toEqual(["expires_at", "id", "status"])

        for (const query of ["?fields=customer.addresses", "?fields=*customer.orders", "?order=customer.email", "?fields=cart"]) {
          const bad = await adminCall("GET", `/admin/quotes${query}`)
          expect({ query, status: bad.status }).toEqual({ query, status: 400 })
        }
      })
    })

    describe("hooks a host can register", () => {
      it("createQuoteRequestWorkflow: validate sees the checked lines, the region and additional_data before any write and can refuse; quoteRequestCreated sees the stored quote, and its refusal removes it", async () => {
        const buyer = await business()
        const events = collectEvents(getContainer(), ["quote_request.created"])
        const body = {
          items: [
            { variant_id: bolt().id, quantity: 400 },
            { variant_id: bolt().id, quantity: 100 },
          ],
          additional_data: { po_number: "PO-7" },
        }

        refuse["create.validate"] = "Quotes start at 1,000 units"
        const refused = await store("POST", "/store/quotes/request", buyer.token, body)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("Quotes start at 1,000 units")
        expect(await quoteService().listQuoteRequests({})).toHaveLength(0)
        expect(hookCalls["create.validate"]).toEqual([
          {
            input: expect.objectContaining({ customer_id: buyer.customerId, additional_data: { po_number: "PO-7" } }),
            items: [{ variant_id: bolt().id, quantity: 500, title: "Steel bolt M8 / 20 mm", sku: CATALOG_SKUS.boltShort }],
            region: { id: catalog.regionId, currency_code: "eur" },
          },
        ])
        expect(hookCalls["create.created"]).toBeUndefined()

        delete refuse["create.validate"]
        const created = await store("POST", "/store/quotes/request", buyer.token, body)
        expect(created.status).toBe(201)
        expect(hookCalls["create.created"]).toEqual([
          {
            quote: expect.objectContaining({ id: created.data.quote.id, status: "requested", customer_id: buyer.customerId }),
            additional_data: { po_number: "PO-7" },
          },
        ])

        refuse["create.created"] = "The CRM is down"
        const rolledBack = await store("POST", "/store/quotes/request", buyer.token, body)
        expect(rolledBack.status).toBe(400)
        expect(rolledBack.data.message).toBe("The CRM is down")
        expect((await quoteService().listQuoteRequests({})).map((q: any) => q.id)).toEqual([created.data.quote.id])
        expect(await quoteService().listQuoteRequestItems({})).toHaveLength(1)

        for (let i = 0; i < 40 && !events.seen.length; i++) await settle(50)
        await settle()
        expect(events.seen.map((e) => e.data.id)).toEqual([created.data.quote.id])
        events.stop()
      })

      it("acceptQuoteWorkflow: validate sees the quote with its lines and additional_data and can refuse (still quoted, no cart); quoteAccepted sees the accepted quote and its cart, and its refusal takes both back", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token, [{ variant_id: bolt().id, quantity: 20 }])
        await respond(quote, () => 5)
        const cartsBefore = await cartCount()

        refuse["accept.validate"] = "Accept with a purchase order number"
        const refused = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token, { additional_data: { cost_center: "42" } })
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("Accept with a purchase order number")
        expect(hookCalls["accept.validate"]).toEqual([
          {
            input: expect.objectContaining({ quote_id: quote.id, customer_id: buyer.customerId, additional_data: { cost_center: "42" } }),
            quote: expect.objectContaining({
              id: quote.id,
              status: "quoted",
              items: [expect.objectContaining({ variant_id: bolt().id, quantity: 20, quoted_unit_price: 5 })],
            }),
          },
        ])
        expect(hookCalls["accept.accepted"]).toBeUndefined()
        expect((await readQuote(quote.id)).status).toBe("quoted")
        expect(await cartCount()).toBe(cartsBefore)

        delete refuse["accept.validate"]
        refuse["accept.accepted"] = "The ERP refused the order"
        const undone = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)
        expect(undone.status).toBe(400)
        expect(undone.data.message).toBe("The ERP refused the order")
        const [seen] = hookCalls["accept.accepted"]
        expect(seen).toEqual({
          quote: expect.objectContaining({ id: quote.id, status: "accepted", cart_id: seen.cart_id }),
          cart_id: expect.stringMatching(/^cart_/),
          additional_data: undefined,
        })
        const stored = await readQuote(quote.id)
        expect(stored.status).toBe("quoted")
        expect(stored.cart_id).toBeNull()
        expect(await cartCount()).toBe(cartsBefore)

        delete refuse["accept.accepted"]
        const accepted = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)
        expect(accepted.status).toBe(200)
        expect(hookCalls["accept.accepted"][1].cart_id).toBe(accepted.data.cart.id)
      })

      it("respond and reject: validate sees the quote and additional_data and can refuse before any write; quoteResponded and quoteRejected see the updated quote", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token)

        refuse["respond.validate"] = "Below cost"
        const refused = await adminCall("POST", `/admin/quotes/${quote.id}/respond`, {
          items: priceAll(quote, () => 0.01),
          expires_at: inOneDay(),
          additional_data: { approver: "cfo" },
        })
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("Below cost")
        expect(hookCalls["respond.validate"][0]).toEqual({
          input: expect.objectContaining({ quote_id: quote.id, additional_data: { approver: "cfo" } }),
          quote: expect.objectContaining({ id: quote.id, status: "requested" }),
        })
        const untouched = await readQuote(quote.id)
        expect(untouched.status).toBe("requested")
        expect(untouched.items.map((i: any) => i.quoted_unit_price)).toEqual([null])
        expect(hookCalls["respond.responded"]).toBeUndefined()

        delete refuse["respond.validate"]
        await respond(quote)
        expect(hookCalls["respond.responded"]).toEqual([
          { quote: expect.objectContaining({ id: quote.id, status: "quoted" }), additional_data: undefined },
        ])

        refuse["reject.validate"] = "Rejections need a reason code"
        const notRejected = await store("POST", `/store/quotes/${quote.id}/reject`, buyer.token, { additional_data: { reason: "price" } })
        expect(notRejected.status).toBe(400)
        expect(hookCalls["reject.validate"][0].input).toEqual(
          expect.objectContaining({ quote_id: quote.id, rejected_by: "customer", additional_data: { reason: "price" } })
        )
        expect((await readQuote(quote.id)).status).toBe("quoted")

        delete refuse["reject.validate"]
        const rejected = await store("POST", `/store/quotes/${quote.id}/reject`, buyer.token, { additional_data: { reason: "price" } })
        expect(rejected.status).toBe(200)
        expect(hookCalls["reject.rejected"]).toEqual([
          { quote: expect.objectContaining({ id: quote.id, status: "rejected" }), additional_data: { reason: "price" } },
        ])

        const badExtra = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token, { additional_data: "x" })
        expect(badExtra.status).toBe(400)
      })
    })

    describe("events of the quote lifecycle", () => {
      it("emits quote_request.responded, .accepted, .rejected and .expired with ids only, once per success, and nothing for a refused transition", async () => {
        const buyer = await business()
        const accepted = await requestQuote(buyer.token)
        const rejected = await requestQuote(buyer.token)
        const lapsedOnAccept = await requestQuote(buyer.token)
        const lapsedByJob = await requestQuote(buyer.token)
        const names = ["quote_request.responded", "quote_request.accepted", "quote_request.rejected", "quote_request.expired"]
        const events = collectEvents(getContainer(), names)

        await respond(accepted)
        const { cart } = (await store("POST", `/store/quotes/${accepted.id}/accept`, buyer.token)).data
        expect((await store("POST", `/store/quotes/${rejected.id}/reject`, buyer.token)).status).toBe(200)
        await respond(lapsedOnAccept)
        await respond(lapsedByJob)
        const past = new Date(Date.now() - 60 * 1000)
        await quoteService().updateQuoteRequests([
          { id: lapsedOnAccept.id, expires_at: past },
          { id: lapsedByJob.id, expires_at: past },
        ])
        expect((await store("POST", `/store/quotes/${lapsedOnAccept.id}/accept`, buyer.token)).status).toBe(400)
        const { default: expireQuotesJob } = await import("../../src/jobs/expire-quotes")
        await expireQuotesJob(getContainer())

        // Refused transitions emit nothing.
        expect((await store("POST", `/store/quotes/${accepted.id}/reject`, buyer.token)).status).toBe(400)
        expect((await store("POST", `/store/quotes/${rejected.id}/accept`, buyer.token)).status).toBe(400)
        expect((await adminCall("POST", `/admin/quotes/${rejected.id}/respond`, { items: priceAll(rejected), expires_at: inOneDay() })).status).toBe(400)

        for (let i = 0; i < 40 && events.seen.length < 7; i++) await settle(50)
        await settle()
        const key = (e: { name: string; data: any }) => `${e.name} ${e.data.id}`
        expect([...events.seen].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
          [
            { name: "quote_request.responded", data: { id: accepted.id, customer_id: buyer.customerId } },
            { name: "quote_request.accepted", data: { id: accepted.id, customer_id: buyer.customerId, cart_id: cart.id } },
            { name: "quote_request.rejected", data: { id: rejected.id, customer_id: buyer.customerId } },
            { name: "quote_request.responded", data: { id: lapsedOnAccept.id, customer_id: buyer.customerId } },
            { name: "quote_request.responded", data: { id: lapsedByJob.id, customer_id: buyer.customerId } },
            { name: "quote_request.expired", data: { id: lapsedOnAccept.id, customer_id: buyer.customerId } },
            { name: "quote_request.expired", data: { id: lapsedByJob.id, customer_id: buyer.customerId } },
          ].sort((a, b) => key(a).localeCompare(key(b)))
        )
        events.stop()
      })
    })

    describe("rollback of the acceptance", () => {
      it("a step failing after the quote was marked accepted undoes everything: no cart, the quote quoted without cart_id, no event, and the lock is free again", async () => {
        const buyer = await business()
        const quote = await requestQuote(buyer.token, [
          { variant_id: bolt().id, quantity: 10 },
          { variant_id: wrap().id, quantity: 2 },
        ])
        await respond(quote, () => 3.5)
        const before = await readQuote(quote.id)
        const cartsBefore = await cartCount()
        const events = collectEvents(getContainer(), ["quote_request.accepted"])

        const workflow = acceptQuoteWorkflow(getContainer())
        let cartIdSeen: string | undefined
        workflow.appendAction("throw", markQuoteAcceptedStepId, {
          invoke: async function failStep() {
            // The writes are in place when the failure strikes.
            const [during] = await quoteService().listQuoteRequests({ id: quote.id })
            cartIdSeen = during.cart_id
            expect(during.status).toBe("accepted")
            throw new Error("Failed after accepting the quote")
          },
        })
        const { errors } = await workflow.run({
          input: { quote_id: quote.id, customer_id: buyer.customerId, sales_channel_ids: [catalog.salesChannelId] },
          throwOnError: false,
        })

        expect(errors).toEqual([
          expect.objectContaining({
            action: "throw",
            handlerType: "invoke",
            error: expect.objectContaining({ message: "Failed after accepting the quote" }),
          }),
        ])
        expect(cartIdSeen).toMatch(/^cart_/)
        const after = await readQuote(quote.id)
        expect(after.status).toBe("quoted")
        expect(after.cart_id).toBeNull()
        expect(new Date(after.expires_at).getTime()).toBe(new Date(before.expires_at).getTime())
        expect(after.items.map((i: any) => Number(i.quoted_unit_price))).toEqual(before.items.map((i: any) => Number(i.quoted_unit_price)))
        expect(await cartCount()).toBe(cartsBefore)
        expect(await getContainer().resolve(Modules.CART).listCarts({ id: cartIdSeen })).toEqual([])

        // The lock was released: the customer can accept now, once.
        const accepted = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)
        expect(accepted.status).toBe(200)
        for (let i = 0; i < 40 && !events.seen.length; i++) await settle(50)
        await settle()
        expect(events.seen.map((e) => e.data.cart_id)).toEqual([accepted.data.cart.id])
        events.stop()
      })
    })
  },
})
