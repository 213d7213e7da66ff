import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { testDbName } from "../helpers/db-name"
import { useOfflineClerk } from "../helpers/clerk"
import {
  createAdminToken,
  createStoreContext,
  httpClient,
  registerEmailpassCustomer,
} from "../helpers/medusa"
import { CATALOG_SKUS, seedCatalog, type SeededCatalog } from "../helpers/catalog"
import { checkout, makeCatalogCheckoutReady } from "../helpers/checkout"

jest.setTimeout(180 * 1000)

const clerk = useOfflineClerk()

const inOneDay = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString()

/**
 * DESIGN §9.1-9.3: a business or quoted price is never paid by someone
 * else, or after the right to it ends. Every core store route through which
 * such a cart can change lines, change hands, be paid or complete is tried
 * here through real HTTP, with real checkouts (Medusa's system payment
 * provider).
 */
medusaIntegrationTestRunner({
  dbName: testDbName("cart-entitlement"),
  env: clerk.env,
  testSuite: ({ api, getContainer }) => {
    const http = () => httpClient(api)
    let pk: string
    let salesChannelId: string
    let catalog: SeededCatalog
    let admin: { token: string; userId: string }

    beforeEach(async () => {
      const store = await createStoreContext(getContainer())
      pk = store.publishableKey
      salesChannelId = store.salesChannelId
      catalog = await seedCatalog(getContainer(), { salesChannelId })
      await makeCatalogCheckoutReady(getContainer(), catalog)
      admin = await createAdminToken(api, getContainer())
    })

    const bolt = () => catalog.variants[CATALOG_SKUS.boltShort]
    const wrap = () => catalog.variants[CATALOG_SKUS.wrap]

    const store = (method: "GET" | "POST" | "DELETE", url: string, token?: string, body?: unknown) =>
      http()(method, url, { token, pk, body })
    const adminCall = (method: "GET" | "POST", url: string, body?: unknown) =>
      http()(method, url, { token: admin.token, body })

    const business = (company = "Acme GmbH") =>
      clerk.customer(api, pk, { unsafeMetadata: { accountType: "business", company } })
    const individual = () => clerk.customer(api, pk, { unsafeMetadata: {} })

    const orderCount = async () =>
      (await getContainer().resolve(Modules.ORDER).listOrders({})).length
    const readCart = async (id: string) => (await store("GET", `/store/carts/${id}`)).data.cart
    const quoteService = () => getContainer().resolve("roleSyncQuote") as any

    /** 10 bolts (catalog 10 EUR) quoted at 1 EUR and accepted: the quoted cart. */
    const quotedCart = async (buyer: Awaited<ReturnType<typeof business>>) => {
      const requested = await store("POST", "/store/quotes/request", buyer.token, {
        items: [{ variant_id: bolt().id, quantity: 10 }],
      })
      expect(requested.status).toBe(201)
      const quote = requested.data.quote
      const responded = await adminCall("POST", `/admin/quotes/${quote.id}/respond`, {
        items: quote.items.map((item: any) => ({ id: item.id, unit_price: 1 })),
        expires_at: inOneDay(),
      })
      expect(responded.status).toBe(200)
      const accepted = await store("POST", `/store/quotes/${quote.id}/accept`, buyer.token)
      expect(accepted.status).toBe(200)
      return { quote: accepted.data.quote, cart: accepted.data.cart }
    }

    describe("a quoted cart is recognised by the quote's cart_id, not by cart metadata", () => {
      it.each([
        ["an empty string", ""],
        ["null", null],
      ])(
        "rewriting metadata.quote_request_id to %s (publishable key only) does not unlock its lines: 1000 units at the quoted price → 400",
        async (_name, value) => {
          const buyer = await business()
          const { cart, quote } = await quotedCart(buyer)
          const line = cart.items[0]

          const rewritten = await store("POST", `/store/carts/${cart.id}`, undefined, {
            metadata: value === null ? null : { quote_request_id: value },
          })
          expect(rewritten.status).toBe(200)

          const more = await store("POST", `/store/carts/${cart.id}/line-items/${line.id}`, undefined, { quantity: 1000 })
          expect(more.status).toBe(400)
          expect(more.data).toEqual(
            expect.objectContaining({ code: "quoted_cart_locked", quote_id: quote.id })
          )
          expect(more.data.message).toMatch(/quoted quantities and prices/)
          const added = await store("POST", `/store/carts/${cart.id}/line-items`, undefined, {
            variant_id: bolt().id,
            quantity: 990,
          })
          expect(added.status).toBe(400)
          const removed = await store("DELETE", `/store/carts/${cart.id}/line-items/${line.id}`)
          expect(removed.status).toBe(400)

          const after = await readCart(cart.id)
          expect(after.items.map((i: any) => [i.variant_id, i.quantity, i.unit_price])).toEqual([[bolt().id, 10, 1]])
        }
      )
    })

    describe("a quoted cart changes hands, is paid and completes only for the quote's customer", () => {
      it("an individual signed in who knows the cart id: transfer 403, payment 403, completion 403; the cart stays the buyer's and no order is placed", async () => {
        const buyer = await business()
        const { cart } = await quotedCart(buyer)
        const person = await individual()

        const transfer = await store("POST", `/store/carts/${cart.id}/customer`, person.token)
        expect(transfer.status).toBe(403)
        expect(transfer.data.code).toBe("quote_customer_only")
        expect((await readCart(cart.id)).customer_id).toBe(buyer.customerId)

        const attempt = await checkout(http(), pk, cart.id, person.token)
        expect(attempt.collection.status).toBe(403)
        expect(attempt.complete.status).toBe(403)
        expect(attempt.complete.data.code).toBe("quote_customer_only")

        // Nor with the buyer's own payment collection, nor anonymously.
        const own = await store("POST", "/store/payment-collections", buyer.token, { cart_id: cart.id })
        expect(own.status).toBe(200)
        const session = await store(
          "POST",
          `/store/payment-collections/${own.data.payment_collection.id}/payment-sessions`,
          person.token,
          { provider_id: "pp_system_default" }
        )
        expect(session.status).toBe(403)
        const anonymous = await store("POST", `/store/carts/${cart.id}/complete`)
        expect(anonymous.status).toBe(403)

        expect(await orderCount()).toBe(0)
        expect((await readCart(cart.id)).completed_at ?? null).toBeNull()
      })

      it("its region, sales channel and email are fixed: another customer's email, a new region or channel → 400; the owner's email in any case and its address are fine", async () => {
        const buyer = await business()
        const other = await individual()
        const { cart } = await quotedCart(buyer)
        const {
          result: [otherRegion],
        } = await createRegionsWorkflow(getContainer()).run({
          input: { regions: [{ name: "Nordics", currency_code: "sek", countries: ["se"] }] },
        })

        const refused: [string, unknown][] = [
          ["another customer's email", { email: other.email }],
          ["a new email", { email: "someone-else@example.test" }],
          ["another region", { region_id: otherRegion.id }],
          ["another sales channel", { sales_channel_id: catalog.otherSalesChannelId }],
        ]
        for (const [name, body] of refused) {
          const res = await store("POST", `/store/carts/${cart.id}`, buyer.token, body)
          expect({ name, status: res.status }).toEqual({ name, status: 400 })
          expect({ name, code: res.data.code }).toEqual({ name, code: "quoted_cart_locked" })
        }
        const after = await readCart(cart.id)
        expect(after).toEqual(
          expect.objectContaining({
            customer_id: buyer.customerId,
            email: buyer.email,
            region_id: catalog.regionId,
            sales_channel_id: salesChannelId,
          })
        )
        expect(after.items.map((i: any) => i.unit_price)).toEqual([1])

        const sameEmail = await store("POST", `/store/carts/${cart.id}`, buyer.token, {
          email: buyer.email.toUpperCase(),
          shipping_address: { first_name: "Ada", country_code: "de", city: "Berlin" },
        })
        expect(sameEmail.status).toBe(200)
      })

      it("the quote's customer, signed in, completes it at the quoted prices", async () => {
        const buyer = await business()
        const { cart } = await quotedCart(buyer)

        const done = await checkout(http(), pk, cart.id, buyer.token)

        expect(done.complete.status).toBe(200)
        expect(done.complete.data.type).toBe("order")
        const order = done.complete.data.order
        expect(order.items.map((i: any) => [i.variant_id, i.quantity, i.unit_price])).toEqual([[bolt().id, 10, 1]])
        const [stored] = await getContainer().resolve(Modules.ORDER).listOrders({ id: order.id })
        expect(stored.customer_id).toBe(buyer.customerId)
      })
    })

    describe("a quoted price does not outlive the quote's terms", () => {
      it("the buyer is no longer a business → 409 quote_not_payable, no order", async () => {
        const buyer = await business()
        const { cart, quote } = await quotedCart(buyer)
        buyer.user.unsafe_metadata = { accountType: "individual" }
        expect((await store("POST", "/store/customers/sync-role", buyer.token)).status).toBe(200)

        const attempt = await checkout(http(), pk, cart.id, buyer.token)

        expect(attempt.complete.status).toBe(409)
        expect(attempt.complete.data).toEqual(
          expect.objectContaining({ code: "quote_not_payable", quote_id: quote.id })
        )
        expect(attempt.complete.data.message).toMatch(/no longer one/)
        expect(await orderCount()).toBe(0)
      })

      it("the offer expired → 409 quote_not_payable naming the expiry, no order", async () => {
        const buyer = await business()
        const { cart, quote } = await quotedCart(buyer)
        await quoteService().updateQuoteRequests({ id: quote.id, expires_at: new Date(Date.now() - 60_000) })

        const attempt = await checkout(http(), pk, cart.id, buyer.token)

        expect(attempt.complete.status).toBe(409)
        expect(attempt.complete.data.code).toBe("quote_not_payable")
        expect(attempt.complete.data.message).toMatch(/expired on/)
        expect(await orderCount()).toBe(0)
      })

      it("lines changed behind the store routes' back (e.g. by another module) → 409 quote_not_payable, no order", async () => {
        const buyer = await business()
        const { cart } = await quotedCart(buyer)
        await getContainer()
          .resolve(Modules.CART)
          .updateLineItems(cart.items[0].id, { quantity: 1000 })

        const attempt = await checkout(http(), pk, cart.id, buyer.token)

        expect(attempt.complete.status).toBe(409)
        expect(attempt.complete.data.message).toMatch(/no longer match the quote/)
        expect(await orderCount()).toBe(0)
      })
    })

    describe("group prices do not outlive the entitlement at checkout", () => {
      const businessPriceList = async (groupId: string, amount: number) => {
        const res = await adminCall("POST", "/admin/price-lists", {
          title: "Business prices",
          description: "For a managed group",
          type: "override",
          status: "active",
          rules: { "customer.groups.id": [groupId] },
          prices: [{ variant_id: bolt().id, currency_code: "eur", amount }],
        })
        expect(res.status).toBe(200)
      }
      const verifiedGroupId = async () =>
        (await getContainer().resolve(Modules.CUSTOMER).listCustomerGroups({ name: "Verified businesses" }))[0].id

      it("a cart priced while verified, then unverified → re-priced and 409 prices_changed saying why; the next attempt completes at the catalog price", async () => {
        const buyer = await business()
        expect((await adminCall("POST", "/admin/customers/verify", { customer_id: buyer.customerId })).status).toBe(200)
        await businessPriceList(await verifiedGroupId(), 7)
        const created = await store("POST", "/store/carts", buyer.token, {
          region_id: catalog.regionId,
          items: [
            { variant_id: bolt().id, quantity: 4 },
            { variant_id: wrap().id, quantity: 1 },
          ],
        })
        const cart = created.data.cart
        const boltLine = cart.items.find((i: any) => i.variant_id === bolt().id)
        expect(boltLine.unit_price).toBe(7)

        expect(
          (await adminCall("POST", "/admin/customers/verify", { customer_id: buyer.customerId, verified: false })).status
        ).toBe(200)
        const refused = await checkout(http(), pk, cart.id, buyer.token)

        expect(refused.complete.status).toBe(409)
        expect(refused.complete.data.code).toBe("prices_changed")
        expect(refused.complete.data.message).toMatch(/no longer verified/)
        expect(refused.complete.data.changed_items).toEqual([
          { id: boltLine.id, variant_id: bolt().id, previous_unit_price: 7, unit_price: bolt().price },
        ])
        expect(await orderCount()).toBe(0)
        const repriced = await readCart(cart.id)
        expect(repriced.items.find((i: any) => i.id === boltLine.id).unit_price).toBe(bolt().price)

        const again = await checkout(http(), pk, cart.id, buyer.token)
        expect(again.complete.status).toBe(200)
        const order = again.complete.data.order
        expect(order.items.find((i: any) => i.variant_id === bolt().id).unit_price).toBe(bolt().price)
      })

      it("a still-verified business and an individual complete at their own prices without refusal", async () => {
        const buyer = await business()
        expect((await adminCall("POST", "/admin/customers/verify", { customer_id: buyer.customerId })).status).toBe(200)
        await businessPriceList(await verifiedGroupId(), 7)
        const person = await individual()

        for (const [who, token, price] of [
          ["verified business", buyer.token, 7],
          ["individual", person.token, bolt().price],
        ] as const) {
          const cart = (await store("POST", "/store/carts", token, {
            region_id: catalog.regionId,
            items: [{ variant_id: bolt().id, quantity: 2 }],
          })).data.cart
          const done = await checkout(http(), pk, cart.id, token)
          expect({ who, status: done.complete.status }).toEqual({ who, status: 200 })
          expect(done.complete.data.order.items[0].unit_price).toBe(price)
        }
      })

      it("any group the plugin manages (metadata.managed_by), e.g. a company's: leaving it re-prices at checkout, and its members' emails are not keys to its prices", async () => {
        const customers = getContainer().resolve(Modules.CUSTOMER)
        const group = await customers.createCustomerGroups({
          name: "Company: Initech",
          metadata: { managed_by: "medusa-plugin-role-sync" },
        })
        const member = await registerEmailpassCustomer(api, pk, "Buyer@Initech.test")
        await customers.addCustomerToGroup({ customer_id: member.customerId, customer_group_id: group.id })
        await businessPriceList(group.id, 6)

        // Typing the member's email (any case) into an anonymous cart: 400.
        const borrowed = await store("POST", "/store/carts", undefined, {
          region_id: catalog.regionId,
          email: "buyer@INITECH.test",
        })
        expect(borrowed.status).toBe(400)
        expect(borrowed.data.code).toBe("entitled_email")

        const cart = (await store("POST", "/store/carts", member.token, {
          region_id: catalog.regionId,
          items: [{ variant_id: bolt().id, quantity: 3 }],
        })).data.cart
        expect(cart.items[0].unit_price).toBe(6)
        await customers.removeCustomerFromGroup({ customer_id: member.customerId, customer_group_id: group.id })

        const refused = await checkout(http(), pk, cart.id, member.token)
        expect(refused.complete.status).toBe(409)
        expect(refused.complete.data.code).toBe("prices_changed")
        const again = await checkout(http(), pk, cart.id, member.token)
        expect(again.complete.status).toBe(200)
        expect(again.complete.data.order.items[0].unit_price).toBe(bolt().price)
      })
    })
  },
})
