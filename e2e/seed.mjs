// What the browser flow needs, made through the real routes: customers that
// sign in with (an offline stand-in for) Clerk and sync their role, a guest
// customer without a role, and a quote request from the business customer.
import path from "node:path"
import { createRequire } from "node:module"

export const STOREFRONT_ORIGIN = "http://localhost:3000"
export const CLERK_ISSUER = "https://clerk.e2e.localhost"

/** Starts the offline Clerk stand-in (integration-tests/helpers) with a key pair made now. */
export async function startClerk(root) {
  const require = createRequire(path.join(root, "package.json"))
  const standIn = require(path.join(root, "integration-tests", "helpers", "clerk-stand-in.js"))
  const keys = standIn.createClerkKeyPair()
  const server = await standIn.startClerkStandIn({ keys, secretKey: `sk_test_e2e_${Date.now()}` })
  return {
    server,
    env: {
      CLERK_SECRET_KEY: server.secretKey,
      CLERK_JWT_KEY: keys.publicKeyPem,
      CLERK_API_URL: server.url,
      CLERK_ISSUER,
      CLERK_AUTHORIZED_PARTIES: STOREFRONT_ORIGIN,
    },
    /** Puts a user into the stand-in, as Clerk's Backend API returns it. */
    addUser: (options) => server.putUser(standIn.buildClerkUser(options)),
    /** A Clerk Organization (a company once a member signs in) and memberships with Clerk roles. */
    addOrganization: (name) => server.putOrganization(standIn.buildClerkOrganization({ name })),
    setMembership: (organizationId, userId, role) => server.setMembership(organizationId, userId, role),
    renameOrganization: (organizationId, name) => server.renameOrganization(organizationId, name),
    /** A session token for the user, as a storefront's getToken() would return it. */
    sessionToken: (userId) =>
      standIn.signSessionToken(keys, {
        sub: userId,
        iss: CLERK_ISSUER,
        azp: STOREFRONT_ORIGIN,
        exp: Math.floor(Date.now() / 1000) + 300,
      }),
  }
}

/**
 * Starts the VIES stand-in (dev/vies-stand-in.js) and the env that points
 * the plugin at it: VIES on, a requester VAT ID (so answers carry a
 * consultation number). Acme's VAT number is registered; Globex's is not
 * (the flow registers it before "Check again").
 */
export async function startVies(root) {
  const require = createRequire(path.join(root, "package.json"))
  const { startViesStandIn } = require(path.join(root, "dev", "vies-stand-in.js"))
  const server = await startViesStandIn({
    traders: { DE123456788: { name: "Acme E2E GmbH", address: "Musterstraße 1\n10115 Berlin" } },
  })
  return {
    server,
    env: {
      ROLE_SYNC_VIES_ENABLED: "true",
      ROLE_SYNC_VIES_API_URL: server.url,
      ROLE_SYNC_VIES_REQUESTER_VAT_ID: "DE136695976",
    },
  }
}

/** A small JSON client; throws with the answer's text when `expect` does not match. */
export function apiClient(baseUrl) {
  return async function call(method, urlPath, { token, pk, body, expect = [200, 201] } = {}) {
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
    if (expect && !expect.includes(res.status)) {
      throw new Error(`${method} ${urlPath} answered ${res.status}: ${text.slice(0, 400)}`)
    }
    return { status: res.status, data, text }
  }
}

/**
 * The storefront's sign-in: Clerk session token -> Medusa token
 * (POST /auth/customer/clerk), role sync (POST /store/customers/sync-role),
 * token refresh when the customer was just created.
 */
export async function signInWithClerk(api, clerk, clerkUserId, pk) {
  const auth = await api("POST", "/auth/customer/clerk", { body: { token: clerk.sessionToken(clerkUserId) } })
  let token = auth.data.token
  const sync = await api("POST", "/store/customers/sync-role", { token, pk })
  if (sync.data.created) {
    token = (await api("POST", "/auth/token/refresh", { token })).data.token
  }
  return { token, customer: sync.data.customer, customerMeta: sync.data.customer_meta }
}

export async function adminSignIn(api, email, password) {
  const { data } = await api("POST", "/auth/user/emailpass", { body: { email, password } })
  return data.token
}

/** Variants of the seeded demo catalog, by SKU, as the storefront sees them. */
export async function findVariants(api, pk, skus) {
  const { data } = await api("GET", "/store/products?limit=50&fields=id,title,*variants", { pk })
  const bySku = new Map()
  for (const product of data.products ?? []) {
    for (const variant of product.variants ?? []) {
      if (variant.sku) bySku.set(variant.sku, { id: variant.id, sku: variant.sku, product: product.title })
    }
  }
  const missing = skus.filter((sku) => !bySku.has(sku))
  if (missing.length) {
    throw new Error(`the demo seed did not create the SKUs ${missing.join(", ")} (found: ${[...bySku.keys()].join(", ") || "none"})`)
  }
  return skus.map((sku) => bySku.get(sku))
}

/**
 * POST /store/quotes/request as the business customer. Returns null when
 * the route does not exist (an HTML 404), so the quote steps can be skipped.
 */
export async function requestQuote(api, pk, token, items, message) {
  const res = await api("POST", "/store/quotes/request", {
    token,
    pk,
    body: { items, message },
    expect: null,
  })
  if (res.status === 404 && !res.data) return null
  if (res.status !== 201 && res.status !== 200) {
    throw new Error(`POST /store/quotes/request answered ${res.status}: ${res.text.slice(0, 400)}`)
  }
  return res.data.quote
}
