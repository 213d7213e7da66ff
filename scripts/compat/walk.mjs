// The walk a store's first customers take, over HTTP against a running host:
// admin sets up a minimal store → a business and an individual sign in with
// (the stand-in for) Clerk → sync their roles → the host's guarded route
// refuses both → the admin verifies the business → the guarded route lets it
// in → a price list on the "Verified businesses" group prices its cart lower.
// Every check throws a WalkError naming what was expected and what came back.
import { GUARDED_ROUTE } from "./host-app.mjs"

export class WalkError extends Error {}

const LIST_PRICE = 24.9
const BUSINESS_PRICE = 19.9

/** A JSON client that fails loudly when the status is not the expected one. */
export function httpClient(baseUrl) {
  return async function call(method, urlPath, { token, pk, body, expect = 200 } = {}) {
    const headers = { accept: "application/json" }
    if (body !== undefined) headers["content-type"] = "application/json"
    if (token) headers.authorization = `Bearer ${token}`
    if (pk) headers["x-publishable-api-key"] = pk
    const res = await fetch(`${baseUrl}${urlPath}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    })
    const text = await res.text()
    let data
    try {
      data = JSON.parse(text)
    } catch {}
    const wanted = [].concat(expect)
    if (!wanted.includes(res.status)) {
      throw new WalkError(`${method} ${urlPath} answered ${res.status} (expected ${wanted.join(" or ")}): ${text.slice(0, 300)}`)
    }
    return { status: res.status, data }
  }
}

function check(condition, message) {
  if (!condition) throw new WalkError(message)
}

/**
 * Runs the walk. `mintToken(kind)` returns a Clerk session token for a demo
 * user ("business" → Acme GmbH, "individual"), the way a storefront's
 * getToken() would. `admin` is { email, password } of a user made with
 * `medusa user`. `step(name, fn)` times and reports each part.
 */
export async function walk({ baseUrl, admin, mintToken, step }) {
  const api = httpClient(baseUrl)

  const store = await step("admin: store setup (publishable key, region, product)", async () => {
    const { data: login } = await api("POST", "/auth/user/emailpass", { body: admin })
    const adminToken = login.token
    const { data: channels } = await api("GET", "/admin/sales-channels?limit=1", { token: adminToken })
    check(channels.sales_channels?.length, "no default sales channel after the first start")
    const salesChannelId = channels.sales_channels[0].id
    const { data: key } = await api("POST", "/admin/api-keys", {
      token: adminToken,
      body: { title: "Compat storefront", type: "publishable" },
    })
    const pk = key.api_key.token
    await api("POST", `/admin/api-keys/${key.api_key.id}/sales-channels`, {
      token: adminToken,
      body: { add: [salesChannelId] },
    })
    const { data: region } = await api("POST", "/admin/regions", {
      token: adminToken,
      body: { name: "Europe", currency_code: "eur", countries: ["de"] },
    })
    const { data: product } = await api("POST", "/admin/products", {
      token: adminToken,
      body: {
        title: "Hex Bolt M8",
        status: "published",
        options: [{ title: "Pack", values: ["Box of 100"] }],
        variants: [
          {
            title: "Box of 100",
            sku: "BOLT-M8-100",
            options: { Pack: "Box of 100" },
            manage_inventory: false,
            prices: [{ currency_code: "eur", amount: LIST_PRICE }],
          },
        ],
        sales_channels: [{ id: salesChannelId }],
      },
    })
    return { adminToken, pk, regionId: region.region.id, variantId: product.product.variants[0].id }
  })

  const signIn = async (kind) => {
    const { data: auth } = await api("POST", "/auth/customer/clerk", { body: { token: await mintToken(kind) } })
    let token = auth.token
    const { data: sync } = await api("POST", "/store/customers/sync-role", { token, pk: store.pk })
    if (sync.created) token = (await api("POST", "/auth/token/refresh", { token })).data.token
    return { token, customerId: sync.customer.id, meta: sync.customer_meta }
  }

  const { business, individual } = await step("sign-in → sync (a business and an individual)", async () => {
    const business = await signIn("business")
    const individual = await signIn("individual")
    check(business.meta.account_type === "business", `business synced as ${business.meta.account_type}`)
    check(business.meta.company_name === "Acme GmbH", `company_name ${business.meta.company_name}`)
    check(business.meta.is_verified === false, "a freshly synced business must not be verified")
    check(individual.meta.account_type === "individual", `individual synced as ${individual.meta.account_type}`)
    // Medusa's own route with the role added to its default fields.
    const { data: me } = await api("GET", "/store/customers/me?fields=%2B*customer_meta", { token: business.token, pk: store.pk })
    check(me.customer.id === business.customerId, "GET /store/customers/me names another customer")
    check(me.customer.email && me.customer.customer_meta?.account_type === "business", `me: ${JSON.stringify(me.customer).slice(0, 200)}`)
    return { business, individual }
  })

  await step(`guarded route ${GUARDED_ROUTE}: refused before verification`, async () => {
    await api("GET", GUARDED_ROUTE, { expect: 401, pk: store.pk })
    await api("GET", GUARDED_ROUTE, { token: individual.token, pk: store.pk, expect: 403 })
    await api("GET", GUARDED_ROUTE, { token: business.token, pk: store.pk, expect: 403 })
  })

  await step("admin verifies the business", async () => {
    const { data } = await api("POST", "/admin/customers/verify", {
      token: store.adminToken,
      body: { customer_id: business.customerId },
    })
    check(data.customer_meta.is_verified === true, `verify answered ${JSON.stringify(data).slice(0, 200)}`)
    // Customers cannot reach the admin route.
    await api("POST", "/admin/customers/verify", { token: business.token, body: { customer_id: business.customerId }, expect: 401 })
  })

  await step(`guarded route ${GUARDED_ROUTE}: the verified business gets in`, async () => {
    const { data } = await api("GET", GUARDED_ROUTE, { token: business.token, pk: store.pk })
    check(data.wholesale === true && data.customer_id === business.customerId, `answered ${JSON.stringify(data)}`)
    await api("GET", GUARDED_ROUTE, { token: individual.token, pk: store.pk, expect: 403 })
  })

  return step("business price list: the verified business's cart is cheaper", async () => {
    const { data: groups } = await api("GET", `/admin/customer-groups?name=${encodeURIComponent("Verified businesses")}`, {
      token: store.adminToken,
    })
    check(groups.customer_groups?.length === 1, "the verification did not create the Verified businesses group")
    await api("POST", "/admin/price-lists", {
      token: store.adminToken,
      body: {
        title: "Business prices",
        description: "For verified businesses",
        type: "override",
        status: "active",
        rules: { "customer.groups.id": [groups.customer_groups[0].id] },
        prices: [{ variant_id: store.variantId, currency_code: "eur", amount: BUSINESS_PRICE }],
      },
    })
    const cartPrice = async (token) => {
      const { data } = await api("POST", "/store/carts", {
        token,
        pk: store.pk,
        body: { region_id: store.regionId, items: [{ variant_id: store.variantId, quantity: 1 }] },
      })
      return data.cart.items[0].unit_price
    }
    const prices = { individual: await cartPrice(individual.token), business: await cartPrice(business.token) }
    check(prices.individual === LIST_PRICE, `individual's unit price ${prices.individual}, expected ${LIST_PRICE}`)
    check(prices.business === BUSINESS_PRICE, `verified business's unit price ${prices.business}, expected ${BUSINESS_PRICE}`)
    return prices
  })
}
