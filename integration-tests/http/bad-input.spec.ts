import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { testDbName } from "../helpers/db-name"
import { useOfflineClerk } from "../helpers/clerk"
import { createAdminToken, createStoreContext, httpClient } from "../helpers/medusa"
import { CATALOG_SKUS, seedCatalog, type SeededCatalog } from "../helpers/catalog"

jest.setTimeout(180 * 1000)

const clerk = useOfflineClerk()

const inOneDay = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString()

/** `[[[…[value]…]]]`, `depth` arrays deep, built without recursion. */
const nested = (depth: number, value: unknown = 1) => {
  let node: unknown = value
  for (let i = 0; i < depth; i++) node = [node]
  return node
}

/**
 * DESIGN §9.5: bad input gets a clear 4xx naming the field and writes
 * nothing, never a 5xx. Each input below answered 500 (or was accepted)
 * before.
 */
medusaIntegrationTestRunner({
  dbName: testDbName("bad-input"),
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
    })

    const bolt = () => catalog.variants[CATALOG_SKUS.boltShort]
    const business = () =>
      clerk.customer(api, pk, { unsafeMetadata: { accountType: "business", company: "Acme GmbH" } })
    const store = (method: "GET" | "POST", url: string, token?: string, body?: unknown) =>
      http()(method, url, { token, pk, body })
    const adminCall = (method: "GET" | "POST", url: string, body?: unknown) =>
      http()(method, url, { token: admin.token, body })

    const quoteCount = async () =>
      (await (getContainer().resolve("roleSyncQuote") as any).listQuoteRequests({})).length
    const cartCount = async () => (await getContainer().resolve(Modules.CART).listCarts({})).length

    /** 400 invalid_data whose message and `fields` name `field`. */
    const expectNamed = (res: { status: number; data: any }, field: string, problem: RegExp) => {
      expect({ field, status: res.status }).toEqual({ field, status: 400 })
      expect(res.data.type).toBe("invalid_data")
      expect(res.data.message).toMatch(problem)
      expect(res.data.message).toContain(field)
      expect(res.data.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]))
    }

    describe("text the plugin stores or matches", () => {
      it("quote message: NUL, control characters, a terminal escape, bidi controls or only invisible characters → 400 naming `message`; nothing stored", async () => {
        const buyer = await business()
        const items = [{ variant_id: bolt().id, quantity: 1 }]
        const bad: [string, RegExp][] = [
          ["Pallets\u0000please", /message contains a NUL character/],
          ["Acme\u0001\u001b[31mRed", /message contains the control character U\+0001/],
          ["\u001b[2J", /message contains the control character U\+001B/],
          ["invoice \u202egnp.exe", /message contains a bidirectional control character \(U\+202E\)/],
          ["\u200b \u2060\u200b", /message is empty/],
          ["😀".repeat(2001), /message is longer than 2000 characters \(2001\)/],
        ]
        for (const [message, problem] of bad) {
          const res = await store("POST", "/store/quotes/request", buyer.token, { items, message })
          expectNamed(res, "message", problem)
        }
        expect(await quoteCount()).toBe(0)

        // Line breaks are fine in a message; 2000 emoji are 2000 characters.
        for (const message of ["Two pallets,\nplease.\r\n\tThanks", "😀".repeat(2000)]) {
          const ok = await store("POST", "/store/quotes/request", buyer.token, { items, message })
          expect(ok.status).toBe(201)
          expect(ok.data.quote.message).toBe(message)
        }
      })

      it("ids and SKUs with a NUL byte (matched against PostgreSQL) → 400 naming the field, not 500", async () => {
        const buyer = await business()
        const quote = await store("POST", "/store/quotes/request", buyer.token, {
          items: [{ variant_id: "variant_\u0000x", quantity: 1 }],
        })
        expectNamed(quote, "items[0].variant_id", /contains a NUL character/)

        const bulk = await store("POST", "/store/orders/create-bulk", buyer.token, {
          items: [
            { sku: CATALOG_SKUS.wrap, quantity: 1 },
            { sku: "BOLT\u0000", quantity: 1 },
          ],
        })
        expect(bulk.status).toBe(400)
        expect(bulk.data.errors).toEqual([{ index: 1, reason: "sku contains a NUL character" }])
        expect(bulk.data.message).toContain("items[1]: sku contains a NUL character")

        const region = await store("POST", "/store/orders/create-bulk", buyer.token, {
          region_id: "reg_\u0000",
          items: [{ sku: CATALOG_SKUS.wrap, quantity: 1 }],
        })
        expectNamed(region, "region_id", /contains a NUL character/)
        expect(await quoteCount()).toBe(0)
        expect(await cartCount()).toBe(0)
      })

      it("ids in the URL path with NUL or control characters → 400 on every plugin route, not 500", async () => {
        const buyer = await business()
        for (const [method, url] of [
          ["GET", "/store/quotes/qreq_%00"],
          ["POST", "/store/quotes/%00/accept"],
          ["POST", "/store/quotes/qreq_%1b%5b31m/reject"],
          ["GET", "/store/customers/sync-role/cus_%00"],
        ] as const) {
          const res = await store(method, url, buyer.token)
          expect({ url, status: res.status }).toEqual({ url, status: 400 })
          expect(res.data.message).toMatch(/URL path contains/)
        }
        for (const [method, url] of [
          ["GET", "/admin/quotes/qreq_%00"],
          ["POST", "/admin/quotes/qreq_%00/reject"],
        ] as const) {
          const res = await adminCall(method, url, method === "POST" ? {} : undefined)
          expect({ url, status: res.status }).toEqual({ url, status: 400 })
        }
      })

      it("admin search q with a NUL byte or only invisible characters → 400 naming q; an empty q lists everything", async () => {
        await business()
        expectNamed(await adminCall("GET", "/admin/customers/business?q=Acme%00"), "q", /q contains a NUL character/)
        expectNamed(await adminCall("GET", "/admin/customers/business?q=%E2%80%8B"), "q", /q is empty/)
        const customerIds = await adminCall("GET", "/admin/quotes?customer_id=cus_%00")
        expectNamed(customerIds, "customer_id[0]", /contains a NUL character/)

        const all = await adminCall("GET", "/admin/customers/business?q=")
        expect(all.status).toBe(200)
        expect(all.data.count).toBe(1)
      })

      it("admin notes (respond, reject) with NUL, control or bidi characters → 400 naming note; the quote is unchanged", async () => {
        const buyer = await business()
        const quote = (await store("POST", "/store/quotes/request", buyer.token, {
          items: [{ variant_id: bolt().id, quantity: 5 }],
        })).data.quote
        const prices = quote.items.map((i: any) => ({ id: i.id, unit_price: 5 }))
        for (const note of ["ok\u0000", "\u001b[31mred", "\u2066hidden\u2069", "   "]) {
          expectNamed(
            await adminCall("POST", `/admin/quotes/${quote.id}/respond`, { items: prices, note, expires_at: inOneDay() }),
            "note",
            /note (contains|is empty)/
          )
          expectNamed(await adminCall("POST", `/admin/quotes/${quote.id}/reject`, { note }), "note", /note (contains|is empty)/)
        }
        const stored = (await adminCall("GET", `/admin/quotes/${quote.id}`)).data.quote
        expect(stored).toEqual(expect.objectContaining({ status: "requested", admin_note: null }))
      })
    })

    describe("depth", () => {
      it("a bulk-order body nested 10,000 arrays deep (~20 KB) → 400 naming the depth, not a stack overflow; so are quote and admin bodies", async () => {
        const buyer = await business()
        // Written as text: JSON.stringify itself recurses.
        const deep = `{"items":[{"sku":${"[".repeat(10_000)}"${CATALOG_SKUS.wrap}"${"]".repeat(10_000)},"quantity":1}]}`
        expect(deep.length).toBeGreaterThan(20_000)
        const raw = (url: string, body: string, token: string) =>
          http()("POST", url, { token, pk, body, headers: { "content-type": "application/json" } })

        const bulk = await raw("/store/orders/create-bulk", deep, buyer.token)
        expect(bulk.status).toBe(400)
        expect(bulk.data.message).toMatch(/request body is nested more than 8 levels deep/)
        expect(bulk.data.fields).toEqual([expect.objectContaining({ field: "body" })])

        const quote = await raw(
          "/store/quotes/request",
          `{"items":[{"variant_id":${"[".repeat(10_000)}"${bolt().id}"${"]".repeat(10_000)},"quantity":1}]}`,
          buyer.token
        )
        expect(quote.status).toBe(400)
        expect(quote.data.message).toMatch(/nested more than 8 levels/)
        const verify = await raw(
          "/admin/customers/verify",
          `{"customer_id":${"[".repeat(10_000)}"x"${"]".repeat(10_000)}}`,
          admin.token
        )
        expect(verify.status).toBe(400)
        expect(verify.data.message).toMatch(/nested more than 8 levels/)

        // A merely unusual but shallow body still gets field-level messages.
        const shallow = await store("POST", "/store/orders/create-bulk", buyer.token, {
          items: [{ sku: nested(3, "x"), quantity: 1 }],
        })
        expect(shallow.status).toBe(400)
        expect(shallow.data.errors[0].reason).toMatch(/sku must be a string \(got an array\)/)
        expect(await cartCount()).toBe(0)
        expect(await quoteCount()).toBe(0)
      })
    })

    describe("limits apply after merging", () => {
      it("two quote lines of one variant at 100,000 each → 400 naming both lines; 60,000 + 40,000 is fine", async () => {
        const buyer = await business()
        const res = await store("POST", "/store/quotes/request", buyer.token, {
          items: [
            { variant_id: bolt().id, quantity: 100_000 },
            { variant_id: bolt().id, quantity: 100_000 },
          ],
        })
        expect(res.status).toBe(400)
        expect(res.data.errors).toEqual([
          { index: 0, reason: expect.stringMatching(/adds up to 200000 over items\[0\], items\[1\]; at most 100000/) },
          { index: 1, reason: expect.stringMatching(/adds up to 200000/) },
        ])
        expect(await quoteCount()).toBe(0)

        const ok = await store("POST", "/store/quotes/request", buyer.token, {
          items: [
            { variant_id: bolt().id, quantity: 60_000 },
            { variant_id: bolt().id, quantity: 40_000 },
          ],
        })
        expect(ok.status).toBe(201)
        expect(ok.data.quote.items).toEqual([expect.objectContaining({ quantity: 100_000 })])
      })

      it("a bulk order's repeated variant (by id and by SKU) over 10,000 in total → 400 naming each line; no cart", async () => {
        const buyer = await business()
        const res = await store("POST", "/store/orders/create-bulk", buyer.token, {
          items: [
            { variant_id: bolt().id, quantity: 10_000 },
            { sku: CATALOG_SKUS.wrap, quantity: 1 },
            { sku: CATALOG_SKUS.boltShort, quantity: 1 },
          ],
        })
        expect(res.status).toBe(400)
        expect(res.data.errors.map((e: any) => e.index)).toEqual([0, 2])
        expect(res.data.errors[0].reason).toMatch(/adds up to 10001 over items\[0\], items\[2\]; at most 10000/)
        expect(await cartCount()).toBe(0)
      })
    })

    describe("admin quote prices", () => {
      it("1e308, 0.0001 EUR, 12.345 EUR, negative and string prices → 400 naming items[i].unit_price; the quote is unchanged; 12.34 is fine", async () => {
        const buyer = await business()
        const quote = (await store("POST", "/store/quotes/request", buyer.token, {
          items: [{ variant_id: bolt().id, quantity: 5 }],
        })).data.quote
        const respond = (unit_price: unknown) =>
          adminCall("POST", `/admin/quotes/${quote.id}/respond`, {
            items: [{ id: quote.items[0].id, unit_price }],
            expires_at: inOneDay(),
          })
        const bad: [unknown, RegExp][] = [
          [1e308, /items\[0\]\.unit_price must be at most 100000000/],
          [100_000_000.01, /items\[0\]\.unit_price must be at most 100000000/],
          [0.0001, /items\[0\]\.unit_price has more decimal places than EUR allows \(2\)/],
          [12.345, /items\[0\]\.unit_price has more decimal places than EUR allows/],
          [-1, /items\[0\]\.unit_price must be at least 0/],
          ["5", /items\[0\]\.unit_price must be a number \(got a string\)/],
        ]
        for (const [price, problem] of bad) {
          const res = await respond(price)
          expect({ price, status: res.status }).toEqual({ price, status: 400 })
          expect({ price, message: res.data.message }).toEqual({ price, message: expect.stringMatching(problem) })
        }
        const unchanged = (await adminCall("GET", `/admin/quotes/${quote.id}`)).data.quote
        expect(unchanged.status).toBe("requested")
        expect(unchanged.items[0].quoted_unit_price).toBeNull()

        const ok = await respond(12.34)
        expect(ok.status).toBe(200)
        expect(ok.data.quote.items[0].quoted_unit_price).toBe(12.34)
      })
    })

    describe("messages name the field and the real problem", () => {
      it("a non-object body, a wrong type inside an array, a missing field and an unknown field each say so", async () => {
        const buyer = await business()
        const cases: [unknown, string, RegExp][] = [
          [[{ variant_id: bolt().id, quantity: 1 }], "body", /The request body must be a JSON object \(got an array\)/],
          [{ items: [{ variant_id: 5, quantity: 1 }] }, "items[0].variant_id", /items\[0\]\.variant_id must be a string \(got a number\)/],
          [{ items: [{ variant_id: bolt().id, quantity: "5" }] }, "items[0].quantity", /items\[0\]\.quantity must be a number \(got a string\)/],
          [{ items: [{ variant_id: bolt().id, quantity: 1.5 }] }, "items[0].quantity", /must be an integer \(got a number with decimals\)/],
          [{ items: [{ quantity: 1 }] }, "items[0].variant_id", /items\[0\]\.variant_id is required/],
          [{ items: [] }, "items", /items must have at least 1 item/],
          [{ items: [{ variant_id: bolt().id, quantity: 1 }], price: 1 }, "price", /Unknown field: price/],
        ]
        for (const [body, field, problem] of cases) {
          const res = await store("POST", "/store/quotes/request", buyer.token, body)
          expectNamed(res, field, problem)
          expect(res.data.message).not.toMatch(/Field '' is required/)
        }
        const query = await store("GET", "/store/quotes?limit=abc", buyer.token)
        expectNamed(query, "limit", /limit must be a number/)
        const verify = await adminCall("POST", "/admin/customers/verify", { customer_id: 5 })
        expectNamed(verify, "customer_id", /customer_id must be a string \(got a number\)/)
        expect(await quoteCount()).toBe(0)
      })
    })
  },
})
