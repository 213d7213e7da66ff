#!/usr/bin/env node
// `npm run dev:token -- --business "Acme GmbH" [--tax-id "DE 136 695 976"] [--email x] [--run [--verify]]`
// `npm run dev:token -- --individual [--email x] [--run]`
// `npm run dev:token -- --company "Acme GmbH" --role admin|buyer|member [--email x] [--run]`
//
// Needs a running `npm run dev` in stand-in mode. Creates (or reuses, by
// email) a demo user in the local Clerk stand-in, signs a Clerk-shaped
// session token for it with the dev key, and prints curl commands for the
// sign-in flow. `--run` performs the flow itself, prints every response and
// then the price of a demo product in a guest cart and in this customer's
// cart; `--verify` first verifies the business as the dev admin would in the
// Medusa admin, so its cart shows the "Verified businesses" price list.
// `--company` makes the user a member of the Clerk organization of that name
// (created on first use, shared by every run with the same name) and prints
// the team flow: the company, a quote, the store admin's price, the company
// admin's acceptance, the company's verification.
// The user handling is shared with the package's `dev-clerk token` command
// (dev/clerk-dev.mjs).
import { execFileSync } from "node:child_process"
import { parseArgs } from "node:util"
import { PATHS, readJson, refuseInProduction, rel } from "./lib/dev-env.mjs"
import { demoUserSpec, ensureDemoUser, loadOrCreateDevClerk, mintDemoToken, standInClient } from "./lib/clerk-dev.mjs"
import { probePort } from "./lib/postgres.mjs"

refuseInProduction("npm run dev:token")

const USAGE = `Usage:
  npm run dev:token -- --business "Acme GmbH" [--tax-id "DE 136 695 976"] [--email buyer@acme.test] [--run [--verify]]
  npm run dev:token -- --company "Acme GmbH" --role admin|buyer|member [--email x] [--run]
  npm run dev:token -- --individual [--email jane@example.test] [--run]

Options:
  --business <company>  business account with this company name (a sole trader)
  --tax-id <id>         tax ID for the business (optional)
  --company <name>      a member of the Clerk organization <name> (a company; created on first use)
  --role <role>         the member's store role: admin (Clerk org:admin), buyer (org:member)
                        or member (org:viewer, which the plugin maps to member)
  --individual          individual account
  --email <address>     demo user's email (default derived from the company, or individual@example.test)
  --first-name, --last-name
  --ttl <minutes>       token lifetime (default 10)
  --run                 run the whole flow against Medusa, print each response and the cart prices
  --verify              with --run and --business: verify the business as the dev admin first
                        (what the Verify button in the admin does), so it gets the business prices
  --sku <sku>           the demo product priced by --run (default BOLT-M8-100)
`

const fail = (message) => {
  console.error(`\n[dev:token] ${message}\n`)
  process.exit(1)
}

let args
try {
  ;({ values: args } = parseArgs({
    options: {
      business: { type: "string" },
      company: { type: "string" },
      role: { type: "string" },
      "tax-id": { type: "string" },
      individual: { type: "boolean", default: false },
      email: { type: "string" },
      "first-name": { type: "string" },
      "last-name": { type: "string" },
      ttl: { type: "string", default: "10" },
      run: { type: "boolean", default: false },
      verify: { type: "boolean", default: false },
      sku: { type: "string", default: "BOLT-M8-100" },
      help: { type: "boolean", short: "h", default: false },
    },
  }))
} catch (err) {
  fail(`${err.message}\n\n${USAGE}`)
}
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}
let spec
try {
  spec = demoUserSpec({
    individual: args.individual,
    business: args.business,
    taxId: args["tax-id"],
    company: args.company,
    role: args.role,
    email: args.email,
    firstName: args["first-name"],
    lastName: args["last-name"],
  })
} catch (err) {
  fail(`${err.message}\n\n${USAGE}`)
}
if (args.verify && !(args.run && args.business)) fail("--verify goes with --run and --business")
const ttlMinutes = Number(args.ttl)
if (!(ttlMinutes > 0 && ttlMinutes <= 24 * 60)) fail("--ttl must be a number of minutes between 1 and 1440")

// --- Find the running `npm run dev` and its stand-in ---
const startFirst = `No running local Clerk stand-in found: start "npm run dev" first (in another terminal), then run this again.`
const state = readJson(PATHS.state)
if (!state) fail(startFirst)
if (state.clerk?.mode !== "stand-in") {
  fail(
    `"npm run dev" is using real Clerk keys, so there is no local stand-in to create users in.\n` +
      `Sign in on your storefront and use the session token from Clerk's getToken() instead.`
  )
}
const standInPort = Number(new URL(state.clerk.standInUrl).port)
if (!isAlive(state.pid) || !(await probePort("127.0.0.1", standInPort))) {
  fail(`${rel(PATHS.state)} is stale (npm run dev is not running any more). ${startFirst}`)
}
const devClerk = loadOrCreateDevClerk({ create: false })
if (!devClerk) fail(`${rel(PATHS.clerkKeys)} is missing. ${startFirst}`)

// --- Create or reuse the demo user in the stand-in ---
const email = spec.email
let user
let organization
try {
  const result = await ensureDemoUser(standInClient({ url: state.clerk.standInUrl, secretKey: devClerk.secretKey }), spec)
  user = result.user
  organization = result.organization
  console.log(`${result.created ? "Created" : "Reusing"} stand-in user ${user.id} <${email}>${result.created ? "" : " (unsafe_metadata updated)"}.`)
  if (organization) {
    console.log(`Member of the stand-in organization ${organization.id} "${organization.name}" as ${organization.role} (store role ${args.role}).`)
  }
} catch (err) {
  fail(err.unreachable ? `${err.message}. ${startFirst}` : err.message)
}
console.log(`unsafe_metadata: ${JSON.stringify(user.unsafe_metadata)}`)

// --- Sign the session token (what Clerk's getToken() returns in a browser) ---
const azp = state.clerk.authorizedParties[0]
const { token, expiresAt } = mintDemoToken(devClerk, { userId: user.id, azp, organization, ttlSeconds: ttlMinutes * 60 })

const B = state.backendUrl
const PK = state.publishableKey

if (args.run) {
  await runFlow()
} else {
  printCurls()
}

function printCurls() {
  // jq when installed; otherwise node (always there) extracts the token.
  const hasJq = (() => {
    try {
      execFileSync("jq", ["--version"], { stdio: "ignore" })
      return true
    } catch {
      return false
    }
  })()
  const pick = hasJq ? "jq -r .token" : `node -pe 'JSON.parse(require("fs").readFileSync(0,"utf8")).token'`
  const pretty = hasJq ? " | jq" : ""
  console.log(`
Clerk session token for ${user.id} (azp ${azp}, expires ${expiresAt.toISOString()}, in ${ttlMinutes} min):

${token}

# Copy-paste into a shell (bash/zsh):
export MEDUSA=${B}
export PK=${PK}
export CLERK_TOKEN=${token}

# 1. Exchange the Clerk session token for a Medusa token
TOKEN=$(curl -sS -X POST "$MEDUSA/auth/customer/clerk" -H 'content-type: application/json' \\
  -d "{\\"token\\":\\"$CLERK_TOKEN\\"}" | ${pick}); echo "$TOKEN"

# 2. Create/find the customer and sync its role from the Clerk user
curl -sS -X POST "$MEDUSA/store/customers/sync-role" \\
  -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK"${pretty}

# 3. When step 2 said "created": true, refresh the token so it carries the new customer
TOKEN=$(curl -sS -X POST "$MEDUSA/auth/token/refresh" -H "authorization: Bearer $TOKEN" | ${pick}); echo "$TOKEN"

# 4. The customer with its role, on Medusa's own route
curl -sS "$MEDUSA/store/customers/me?fields=%2B*customer_meta" \\
  -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK"${pretty}
${organization ? companyCurls(pretty) : ""}
# Or let this script run the flow:  npm run dev:token -- ${process.argv.slice(2).map(shellQuote).join(" ")} --run
`)
}

async function runFlow() {
  console.log(`\nRunning the flow against ${B} (Clerk token for ${user.id}, expires ${expiresAt.toISOString()})`)
  // medusa develop restarts on every file change under src/: wait for it.
  if (!(await waitForHealth(60_000))) fail(`${B}/health did not answer 200 within 60 s. Is "npm run dev" still running?`)
  const step = async (label, method, path, { bearer, body, publishable, quiet } = {}) => {
    const headers = { "content-type": "application/json" }
    if (bearer) headers.authorization = `Bearer ${bearer}`
    if (publishable) headers["x-publishable-api-key"] = PK
    let res
    try {
      res = await fetch(`${B}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined })
    } catch (err) {
      fail(`${method} ${B}${path} failed: ${err.cause?.code ?? err.message}. Is "npm run dev" still running?`)
    }
    const text = await res.text()
    let json
    try {
      json = JSON.parse(text)
    } catch {}
    console.log(`\n${label}\n${method} ${path} -> ${res.status}`)
    if (!quiet || !res.ok) console.log(json ? JSON.stringify(json, null, 2) : text.slice(0, 500))
    if (!res.ok) fail(`${method} ${path} answered ${res.status}; stopping here.`)
    return json
  }

  const auth = await step("1. Clerk session token -> Medusa token", "POST", "/auth/customer/clerk", { body: { token } })
  let medusaToken = auth.token
  const sync = await step("2. Sync the role", "POST", "/store/customers/sync-role", { bearer: medusaToken, publishable: true })
  if (sync.created) {
    const refreshed = await step("3. created: true, so refresh the token", "POST", "/auth/token/refresh", { bearer: medusaToken })
    medusaToken = refreshed.token
  } else {
    console.log(`\n3. created: false, the token already names the customer; no refresh needed`)
  }
  await step("4. The customer with its role", "GET", "/store/customers/me?fields=%2B*customer_meta", { bearer: medusaToken, publishable: true })
  if (organization) {
    await step("5. The company (members, roles, what this role allows)", "GET", "/store/companies/me", { bearer: medusaToken, publishable: true })
  }

  if (args.verify) {
    const admin = readJson(PATHS.admin) ?? {}
    const email = process.env.DEV_ADMIN_EMAIL || admin.email
    const password = process.env.DEV_ADMIN_PASSWORD || admin.password
    if (!email || !password) fail(`no dev admin login in ${rel(PATHS.admin)} (or DEV_ADMIN_EMAIL/DEV_ADMIN_PASSWORD) to verify with`)
    const login = await step(`5. The admin (${email}) signs in`, "POST", "/auth/user/emailpass", { body: { email, password }, quiet: true })
    await step("6. The admin verifies the business (the Verify button on the customer page)", "POST", "/admin/customers/verify", {
      bearer: login.token,
      body: { customer_id: sync.customer.id },
    })
  }

  await showPrices(medusaToken, step)
  console.log(`\nMedusa token (customer ${sync.customer?.id}):\n${medusaToken}\n`)
}

/**
 * The point of verification: one unit of a demo product in a guest cart (the
 * list price every individual pays) and in this customer's cart (the
 * "Verified businesses" price list applies once an admin verified it).
 */
async function showPrices(medusaToken, step) {
  const products = await step(`Prices: the demo product ${args.sku}`, "GET", `/store/products?fields=id,title,*variants&limit=100`, { publishable: true, quiet: true })
  const found = products.products.flatMap((p) => (p.variants ?? []).map((v) => ({ ...v, product: p.title }))).find((v) => v.sku === args.sku)
  if (!found) fail(`no variant with SKU ${args.sku} in the store (the demo seed creates BOLT-M8-100, NUT-M8-100, ...)`)
  const cartBody = { region_id: state.regionId, items: [{ variant_id: found.id, quantity: 1 }] }
  const guest = await step("A guest cart (an individual pays the same)", "POST", "/store/carts", { publishable: true, body: cartBody, quiet: true })
  const own = await step("This customer's cart", "POST", "/store/carts", { bearer: medusaToken, publishable: true, body: cartBody, quiet: true })
  const me = await step("The role", "GET", "/store/customers/me?fields=%2B*customer_meta", { bearer: medusaToken, publishable: true, quiet: true })
  const meta = me.customer?.customer_meta
  const listPrice = guest.cart.items[0].unit_price
  const ownPrice = own.cart.items[0].unit_price
  const who = meta?.account_type === "business" ? `${meta.company_name ?? "business"}, ${meta.is_verified ? "verified" : "NOT verified"}` : meta?.account_type ?? "no role"
  const eur = (n) => `${n.toFixed(2)} ${guest.cart.currency_code?.toUpperCase() ?? ""}`.trim()
  console.log(`
Price of one "${found.product}, ${found.title}" (${args.sku}):
  guest or individual cart:  ${eur(listPrice)}
  this customer's cart:      ${eur(ownPrice)}   (${who})`)
  if (ownPrice < listPrice) {
    console.log(`  -> ${eur(listPrice - ownPrice)} less: the "Business prices" price list on the "Verified businesses" group.`)
  } else if (meta?.account_type === "business" && !meta.is_verified) {
    console.log(`  -> the same price: a business is trusted only once an admin verifies it.
     Verify it in the admin (Customers -> the customer -> Verify), or run:
     npm run dev:token -- --business ${shellQuote(args.business)} --run --verify`)
  }
}

/** The team flow for a company member: the company, a quote, the admin's price, acceptance, verification. */
function companyCurls(pretty) {
  const node = (expr) => `node -pe '${expr}'`
  const admin = readJson(PATHS.admin)
  const sku = args.sku
  return `
# --- Company "${organization.name}" (${organization.id}), role ${args.role} ---
# The step-2 answer holds "company" (your active company and role) and "companies".
# With several organizations, choose the active one:
#   curl -sS -X POST "$MEDUSA/store/customers/sync-role" -H "authorization: Bearer $TOKEN" \\
#     -H "x-publishable-api-key: $PK" -H 'content-type: application/json' -d '{"organization_id":"${organization.id}"}'

# 5. The company: members, roles, verification, what your role allows
curl -sS "$MEDUSA/store/companies/me" -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK"${pretty}

# 6. (admin or buyer) Ask for a quote for 50 x ${sku}; every member of the company sees it
VARIANT=$(curl -sS "$MEDUSA/store/products?fields=variants.id,variants.sku&limit=100" -H "x-publishable-api-key: $PK" \\
  | ${node(`JSON.parse(require("fs").readFileSync(0,"utf8")).products.flatMap(p=>p.variants).find(v=>v.sku==="${sku}").id`)})
QUOTE=$(curl -sS -X POST "$MEDUSA/store/quotes/request" -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK" \\
  -H 'content-type: application/json' -d "{\\"items\\":[{\\"variant_id\\":\\"$VARIANT\\",\\"quantity\\":50}]}" \\
  | ${node(`JSON.parse(require("fs").readFileSync(0,"utf8")).quote.id`)}); echo "$QUOTE"
curl -sS "$MEDUSA/store/quotes" -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK"${pretty}

# 7. The store's admin prices it (admin login ${admin?.email ?? "from npm run dev"})
ADMIN=$(curl -sS -X POST "$MEDUSA/auth/user/emailpass" -H 'content-type: application/json' \\
  -d '{"email":"${admin?.email ?? "admin@example.test"}","password":"${admin?.password ?? "<password>"}"}' | ${node(`JSON.parse(require("fs").readFileSync(0,"utf8")).token`)})
ITEMS=$(curl -sS "$MEDUSA/admin/quotes/$QUOTE" -H "authorization: Bearer $ADMIN" \\
  | ${node(`JSON.stringify(JSON.parse(require("fs").readFileSync(0,"utf8")).quote.items.map(i=>({id:i.id,unit_price:19.5})))`)})
curl -sS -X POST "$MEDUSA/admin/quotes/$QUOTE/respond" -H "authorization: Bearer $ADMIN" -H 'content-type: application/json' \\
  -d "{\\"items\\":$ITEMS,\\"expires_at\\":\\"$(node -pe 'new Date(Date.now()+7*864e5).toISOString()')\\"}"${pretty}

# 8. (company admin only) Accept: the answer holds your cart with the quoted prices. A buyer gets 403.
curl -sS -X POST "$MEDUSA/store/quotes/$QUOTE/accept" -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK"${pretty}

# 9. The store's admin verifies the company: its members then get prices of a price list on the company's group
COMPANY=$(curl -sS "$MEDUSA/store/companies/me" -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK" | ${node(`JSON.parse(require("fs").readFileSync(0,"utf8")).company.id`)})
curl -sS -X POST "$MEDUSA/admin/companies/$COMPANY/verify" -H "authorization: Bearer $ADMIN" -H 'content-type: application/json' -d '{}'${pretty}
`
}

async function waitForHealth(timeoutMs) {
  const deadline = Date.now() + timeoutMs
  let said = false
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${B}/health`, { signal: AbortSignal.timeout(2000) })
      if (res.status === 200) return true
    } catch {}
    if (!said) console.log("(waiting for Medusa: it is restarting after a file change)")
    said = true
    await new Promise((r) => setTimeout(r, 500))
  }
  return false
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return err.code === "EPERM"
  }
}

function shellQuote(s) {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}
