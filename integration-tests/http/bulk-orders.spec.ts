import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { testDbName } from "../helpers/db-name"
import { Modules } from "@medusajs/framework/utils"
import { createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { useOfflineClerk } from "../helpers/clerk"
import { createStoreContext, httpClient } from "../helpers/medusa"
import { CATALOG_SKUS, seedCatalog, type SeededCatalog } from "../helpers/catalog"

jest.setTimeout(120 * 1000)

const clerk = useOfflineClerk()

medusaIntegrationTestRunner({
  dbName: testDbName("bulk"),
  env: clerk.env,
  testSuite: ({ api, getContainer }) => {
    const http = () => httpClient(api)
    let pk: string
    let catalog: SeededCatalog

    beforeEach(async () => {
      const store = await createStoreContext(getContainer())
      pk = store.publishableKey
      catalog = await seedCatalog(getContainer(), { salesChannelId: store.salesChannelId })
    })

    const bolt = () => catalog.variants[CATALOG_SKUS.boltShort]
    const boltLong = () => catalog.variants[CATALOG_SKUS.boltLong]
    const wrap = () => catalog.variants[CATALOG_SKUS.wrap]

    const customer = (unsafeMetadata: Record<string, unknown>) =>
      clerk.customer(api, pk, { unsafeMetadata })
    const business = () => customer({ accountType: "business", company: "Acme GmbH" })

    const bulk = (token: string | undefined, body: unknown) =>
      http()("POST", "/store/orders/create-bulk", { token, pk, body })
    const cartCount = async () =>
      (await getContainer().resolve(Modules.CART).listCarts({})).length
    const quantities = (cart: any) =>
      Object.fromEntries(cart.items.map((i: any) => [i.variant_id, i.quantity]))

    it("builds the caller's cart at catalog prices from variant ids and SKUs, merging repeated variants, and answers 201", async () => {
      const buyer = await business()

      const res = await bulk(buyer.token, {
        items: [
          { variant_id: bolt().id, quantity: 100 },
          { sku: CATALOG_SKUS.wrap, quantity: 3 },
          { sku: CATALOG_SKUS.boltShort, quantity: 50 },
          { variant_id: boltLong().id, quantity: 10000 },
          { variant_id: bolt().id, quantity: 1 },
        ],
      })

      expect(res.status).toBe(201)
      const { cart } = res.data
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
      expect(cart.items).toHaveLength(3)
      expect(quantities(cart)).toEqual({
        [bolt().id]: 151,
        [wrap().id]: 3,
        [boltLong().id]: 10000,
      })
      for (const item of cart.items) {
        expect(item.unit_price).toBe(catalog.variants[item.variant_sku].price)
        expect(item.is_custom_price).toBeFalsy()
      }
      expect(cart.item_subtotal).toBeCloseTo(151 * 10 + 3 * 24.99 + 10000 * 12.5, 2)

      // It is a normal Medusa cart: the core store route reads it back.
      const viaCore = await http()("GET", `/store/carts/${cart.id}`, { token: buyer.token, pk })
      expect(viaCore.status).toBe(200)
      expect(quantities(viaCore.data.cart)).toEqual(quantities(cart))
      expect(await cartCount()).toBe(1)
    })

    it("reports every bad line by index in one 400 and creates no cart", async () => {
      const buyer = await business()
      const before = await cartCount()

      const res = await bulk(buyer.token, {
        items: [
          { variant_id: bolt().id, quantity: 1 }, // 0 ok
          { sku: "NO-SUCH-SKU", quantity: 1 }, // 1
          { variant_id: "variant_missing", quantity: 1 }, // 2
          { variant_id: catalog.otherChannelVariant.id, quantity: 1 }, // 3
          { sku: CATALOG_SKUS.crate, quantity: 1 }, // 4
          { sku: CATALOG_SKUS.draft, quantity: 1 }, // 5
          { variant_id: bolt().id, sku: CATALOG_SKUS.boltShort, quantity: 1 }, // 6
          { quantity: 1 }, // 7
          { sku: CATALOG_SKUS.wrap, quantity: 0 }, // 8
          { sku: CATALOG_SKUS.wrap, quantity: 10001 }, // 9
          { sku: CATALOG_SKUS.wrap, quantity: 2.5 }, // 10
          { sku: CATALOG_SKUS.wrap, quantity: "3" }, // 11
          null, // 12
          { sku: CATALOG_SKUS.wrap, quantity: 1, price: 0 }, // 13
          { sku: CATALOG_SKUS.wrap, quantity: 2 }, // 14 ok
        ],
      })

      expect(res.status).toBe(400)
      expect(res.data.type).toBe("invalid_data")
      const byIndex = Object.fromEntries(res.data.errors.map((e: any) => [e.index, e.reason]))
      expect(Object.keys(byIndex).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
      expect(byIndex[1]).toMatch(/SKU NO-SUCH-SKU does not exist/)
      expect(byIndex[2]).toMatch(/variant variant_missing does not exist/)
      expect(byIndex[3]).toMatch(/not sold in this store's sales channel/)
      expect(byIndex[4]).toMatch(/SKU CRATE-XL is not sold in this store's sales channel/)
      expect(byIndex[5]).toMatch(/SKU DRAFT-PROTO does not exist or is not for sale/)
      expect(byIndex[6]).toMatch(/exactly one of variant_id or sku/)
      expect(byIndex[7]).toMatch(/exactly one of variant_id or sku/)
      expect(byIndex[8]).toMatch(/quantity/)
      expect(byIndex[9]).toMatch(/quantity.*10000/)
      expect(byIndex[10]).toMatch(/quantity/)
      expect(byIndex[11]).toMatch(/quantity/)
      expect(byIndex[12]).toMatch(/must be a JSON object \(got null\)/)
      expect(byIndex[13]).toMatch(/price/)
      // The message alone names every bad line too.
      for (const index of Object.keys(byIndex)) {
        expect(res.data.message).toContain(`items[${index}]:`)
      }
      expect(res.data.message).not.toContain("items[0]:")
      expect(res.data.message).not.toContain("items[14]:")
      expect(await cartCount()).toBe(before)
    })

    it("refuses a single bad line among good ones with no cart at all", async () => {
      const buyer = await business()
      const lines = Array.from({ length: 499 }, () => ({ sku: CATALOG_SKUS.boltShort, quantity: 1 }))
      const res = await bulk(buyer.token, {
        items: [...lines, { sku: CATALOG_SKUS.crate, quantity: 1 }],
      })
      expect(res.status).toBe(400)
      expect(res.data.errors).toEqual([{ index: 499, reason: expect.stringContaining("CRATE-XL") }])
      expect(await cartCount()).toBe(0)

      // The same 500 lines without the bad one: one merged line.
      const ok = await bulk(buyer.token, { items: lines })
      expect(ok.status).toBe(201)
      expect(quantities(ok.data.cart)).toEqual({ [bolt().id]: 499 })
    })

    it("answers 400 (never 5xx) to bad envelopes: 501 lines, no lines, unknown region, unknown field, malformed JSON", async () => {
      const buyer = await business()
      const line = { sku: CATALOG_SKUS.wrap, quantity: 1 }
      const cases: [string, unknown, RegExp][] = [
        ["501 lines", { items: Array.from({ length: 501 }, () => line) }, /items/],
        ["no lines", { items: [] }, /items/],
        ["no items field", {}, /items/],
        ["items not an array", { items: { 0: line } }, /items/],
        ["an unknown field", { items: [line], customer_id: "cus_someone_else" }, /customer_id/],
        ["an unknown region", { items: [line], region_id: "reg_unknown" }, /reg_unknown/],
        ["a body that is an array", [line], /./],
      ]
      for (const [name, body, message] of cases) {
        const res = await bulk(buyer.token, body)
        expect({ name, status: res.status }).toEqual({ name, status: 400 })
        expect({ name, message: res.data.message }).toEqual({ name, message: expect.stringMatching(message) })
      }
      const raw = await http()("POST", "/store/orders/create-bulk", {
        token: buyer.token,
        pk,
        body: "{\"items\": [",
        headers: { "content-type": "application/json" },
      })
      expect(raw.status).toBe(400)
      expect(await cartCount()).toBe(0)
    })

    it("uses the region asked for, and the first region when none is given", async () => {
      const buyer = await business()
      const {
        result: [secondRegion],
      } = await createRegionsWorkflow(getContainer()).run({
        input: { regions: [{ name: "Eurozone South", currency_code: "eur", countries: ["it"] }] },
      })

      const chosen = await bulk(buyer.token, {
        region_id: secondRegion.id,
        items: [{ sku: CATALOG_SKUS.wrap, quantity: 1 }],
      })
      expect(chosen.status).toBe(201)
      expect(chosen.data.cart.region_id).toBe(secondRegion.id)

      const fallback = await bulk(buyer.token, { items: [{ sku: CATALOG_SKUS.wrap, quantity: 1 }] })
      expect(fallback.status).toBe(201)
      expect(fallback.data.cart.region_id).toBe(catalog.regionId)
    })

    it("is for business accounts only: an individual gets 403, an anonymous caller 401, and no cart is created", async () => {
      const person = await customer({})
      const body = { items: [{ sku: CATALOG_SKUS.wrap, quantity: 1 }] }

      const forbidden = await bulk(person.token, body)
      expect(forbidden.status).toBe(403)
      expect(forbidden.data.message).toMatch(/business account is required/i)

      const anonymous = await bulk(undefined, body)
      expect(anonymous.status).toBe(401)

      // Even a bad body is refused by the guard first, not validated for them.
      expect((await bulk(person.token, { items: [] })).status).toBe(403)
      expect(await cartCount()).toBe(0)
    })
  },
})
