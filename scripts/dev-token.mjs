#!/usr/bin/env node
// `npm run dev:token -- --business "Acme GmbH" [--tax-id "DE 136 695 976"] [--email x] [--run]`
// `npm run dev:token -- --individual [--email x] [--run]`
// `npm run dev:token -- --company "Acme GmbH" --role admin|buyer|member [--email x] [--run]`
//
// Needs a running `npm run dev` in stand-in mode. Creates (or reuses, by
// email) a demo user in the local Clerk stand-in, signs a Clerk-shaped
// session token for it with the dev key, and prints curl commands for the
// sign-in flow. `--company` also makes the user a member of the Clerk
// organization of that name (created on first use, shared by every
// `--company` run with the same name), through the Backend API routes the
// stand-in serves as Clerk does. `--run` performs the flow itself and prints
// every response.
import { execFileSync } from "node:child_process"
import { parseArgs } from "node:util"
import { PATHS, readJson, refuseInProduction, rel } from "./lib/dev-env.mjs"
import { loadOrCreateDevClerk, signDevSessionToken } from "./lib/clerk-dev.mjs"
import { probePort } from "./lib/postgres.mjs"

refuseInProduction("npm run dev:token")

const USAGE = `Usage:
  npm run dev:token -- --business "Acme GmbH" [--tax-id "DE 136 695 976"] [--email buyer@acme.test] [--run]
  npm run dev:token -- --company "Acme GmbH" --role admin|buyer|member [--email x] [--run]
  npm run dev:token -- --individual [--email jane@example.test] [--run]

Options:
  --business <company>  business account with this company name (a sole trader)
  --tax-id <id>         tax ID for the business (optional)
  --company <name>      member of the Clerk organization <name> (a company; created on first use)
  --role <role>         the member's store role: admin (Clerk org:admin), buyer (org:member)
                        or member (org:viewer, which the plugin maps to member)
  --individual          individual account
  --email <address>     demo user's email (default derived from the company, or individual@example.test)
  --first-name, --last-name
  --ttl <minutes>       token lifetime (default 10)
  --run                 run the whole flow against Medusa and print each response
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
// Store role → Clerk organization role key (DESIGN §10 rule 1: org:admin is
// admin, org:member is buyer, anything else member unless mapped).
const CLERK_ROLES = { admin: "org:admin", buyer: "org:member", member: "org:viewer" }
if ([!!args.business, !!args.company, args.individual].filter(Boolean).length !== 1) {
  fail(`pass exactly one of --business "<company>", --company "<name>" --role <role> or --individual\n\n${USAGE}`)
}
if (args.individual && args["tax-id"]) fail("--tax-id only applies to --business")
if (args.company && args["tax-id"]) fail("--tax-id does not apply to --company: a company admin sets the company's tax data (POST /store/companies/me)")
if (args.company && !CLERK_ROLES[args.role]) fail(`--company needs --role admin, buyer or member\n\n${USAGE}`)
if (args.role && !args.company) fail("--role only applies to --company")
if (args.company !== undefined && !args.company.trim()) fail("--company needs a name")
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
const accountType = args.business ? "business" : "individual"
const company = args.business?.trim()
const organizationName = args.company?.trim()
const email = (
  args.email ??
  (organizationName
    ? `${args.role}.${slug(organizationName)}@example.test`
    : company
      ? `${slug(company)}@example.test`
      : "individual@example.test")
).toLowerCase()
// A company member declares nothing: the membership makes it a business.
const unsafeMetadata =
  accountType === "business"
    ? { accountType, company, tax_id: args["tax-id"] ?? null }
    : // null clears what an earlier --business run left on a reused user
      { accountType, company: null, tax_id: null }

const [existing] = await clerkApi("GET", `/v1/users?email_address=${encodeURIComponent(email)}`)
let user
if (existing) {
  user = await clerkApi("PATCH", `/v1/users/${existing.id}/metadata`, { unsafe_metadata: unsafeMetadata })
  console.log(`Reusing stand-in user ${user.id} <${email}> (unsafe_metadata updated).`)
} else {
  const [first, ...rest] = (company ?? "Jane Doe").split(/\s+/)
  const roleName = args.role ? args.role[0].toUpperCase() + args.role.slice(1) : "Buyer"
  user = await clerkApi("POST", "/v1/users", {
    email_address: [email],
    first_name: args["first-name"] ?? (company || organizationName ? "Demo" : first),
    last_name: args["last-name"] ?? (organizationName ? roleName : company ? "Buyer" : rest.join(" ") || "Doe"),
    unsafe_metadata: unsafeMetadata,
  })
  console.log(`Created stand-in user ${user.id} <${email}>.`)
}
console.log(`unsafe_metadata: ${JSON.stringify(user.unsafe_metadata)}`)

let organization
if (organizationName) {
  organization = await ensureMembership(organizationName, CLERK_ROLES[args.role])
}

// --- Sign the session token (what Clerk's getToken() returns in a browser) ---
const azp = state.clerk.authorizedParties[0]
const now = Math.floor(Date.now() / 1000)
const token = signDevSessionToken(devClerk, { sub: user.id, azp, iat: now - 1, nbf: now - 1, exp: now + ttlMinutes * 60 })
const expiresAt = new Date((now + ttlMinutes * 60) * 1000)

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
curl -sS "$MEDUSA/store/customers/me?fields=*customer_meta" \\
  -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK"${pretty}
${organization ? companyCurls(pretty) : ""}
# Or let this script run the flow:  npm run dev:token -- ${process.argv.slice(2).map(shellQuote).join(" ")} --run
`)
}

/** The team flow for a company member: the company, a quote, the admin's price, acceptance. */
function companyCurls(pretty) {
  const node = (expr) => `node -pe '${expr}'`
  const admin = readJson(PATHS.admin)
  const sku = state.skus?.[0] ?? "BOLT-M8"
  return `
# --- Company "${organization.name}" (${organization.id}), role ${args.role} ---
# The step-2 answer holds "company" (your active company and role) and "companies".
# With several organizations, choose the active one:
#   curl -sS -X POST "$MEDUSA/store/customers/sync-role" -H "authorization: Bearer $TOKEN" \\
#     -H "x-publishable-api-key: $PK" -H 'content-type: application/json' -d '{"organization_id":"${organization.id}"}'

# 5. The company: members, roles, verification, what your role allows
curl -sS "$MEDUSA/store/companies/me" -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK"${pretty}

# 6. (admin or buyer) Ask for a quote for 500 x ${sku}; every member of the company sees it
VARIANT=$(curl -sS "$MEDUSA/store/products?fields=variants.id,variants.sku&limit=100" -H "x-publishable-api-key: $PK" \\
  | ${node(`JSON.parse(require("fs").readFileSync(0,"utf8")).products.flatMap(p=>p.variants).find(v=>v.sku==="${sku}").id`)})
QUOTE=$(curl -sS -X POST "$MEDUSA/store/quotes/request" -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK" \\
  -H 'content-type: application/json' -d "{\\"items\\":[{\\"variant_id\\":\\"$VARIANT\\",\\"quantity\\":500}]}" \\
  | ${node(`JSON.parse(require("fs").readFileSync(0,"utf8")).quote.id`)}); echo "$QUOTE"
curl -sS "$MEDUSA/store/quotes" -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK"${pretty}

# 7. The store's admin prices it (admin login ${admin?.email ?? "from npm run dev"})
ADMIN=$(curl -sS -X POST "$MEDUSA/auth/user/emailpass" -H 'content-type: application/json' \\
  -d '{"email":"${admin?.email ?? "admin@example.test"}","password":"${admin?.password ?? "<password>"}"}' | ${node(`JSON.parse(require("fs").readFileSync(0,"utf8")).token`)})
ITEMS=$(curl -sS "$MEDUSA/admin/quotes/$QUOTE" -H "authorization: Bearer $ADMIN" \\
  | ${node(`JSON.stringify(JSON.parse(require("fs").readFileSync(0,"utf8")).quote.items.map(i=>({id:i.id,unit_price:0.25})))`)})
curl -sS -X POST "$MEDUSA/admin/quotes/$QUOTE/respond" -H "authorization: Bearer $ADMIN" -H 'content-type: application/json' \\
  -d "{\\"items\\":$ITEMS,\\"expires_at\\":\\"$(node -pe 'new Date(Date.now()+7*864e5).toISOString()')\\"}"${pretty}

# 8. (company admin only) Accept: the answer holds your cart with the quoted prices. A buyer gets 403.
curl -sS -X POST "$MEDUSA/store/quotes/$QUOTE/accept" -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK"${pretty}

# 9. The store's admin verifies the company (members then get its customer group's prices)
COMPANY=$(curl -sS "$MEDUSA/store/companies/me" -H "authorization: Bearer $TOKEN" -H "x-publishable-api-key: $PK" | ${node(`JSON.parse(require("fs").readFileSync(0,"utf8")).company.id`)})
curl -sS -X POST "$MEDUSA/admin/companies/$COMPANY/verify" -H "authorization: Bearer $ADMIN" -H 'content-type: application/json' -d '{}'${pretty}
`
}

/**
 * Makes the user a member of the organization named \`name\` with a Clerk
 * role, through the Backend API routes @clerk/backend calls
 * (GET/POST /v1/organizations, POST and PATCH
 * /v1/organizations/{id}/memberships[/{user_id}]).
 */
async function ensureMembership(name, clerkRole) {
  const found = await clerkApi("GET", `/v1/organizations?query=${encodeURIComponent(name)}&limit=100`)
  let org = (found.data ?? []).find((o) => o.name === name)
  if (!org) {
    org = await clerkApi("POST", "/v1/organizations", { name })
    console.log(`Created stand-in organization ${org.id} "${name}".`)
  } else {
    console.log(`Reusing stand-in organization ${org.id} "${name}".`)
  }
  const members = await clerkApi("GET", `/v1/organizations/${org.id}/memberships?limit=500`)
  const existing = (members.data ?? []).find((m) => m.public_user_data?.user_id === user.id)
  const membership = existing
    ? await clerkApi("PATCH", `/v1/organizations/${org.id}/memberships/${user.id}`, { role: clerkRole })
    : await clerkApi("POST", `/v1/organizations/${org.id}/memberships`, { user_id: user.id, role: clerkRole })
  console.log(`Membership ${membership.id}: ${user.id} is ${clerkRole} of "${name}" (store role ${args.role}).`)
  return org
}

async function runFlow() {
  console.log(`\nRunning the flow against ${B} (Clerk token for ${user.id}, expires ${expiresAt.toISOString()})`)
  // medusa develop restarts on every file change under src/: wait for it.
  if (!(await waitForHealth(60_000))) fail(`${B}/health did not answer 200 within 60 s. Is "npm run dev" still running?`)
  const step = async (label, method, path, { bearer, body, publishable } = {}) => {
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
    console.log(json ? JSON.stringify(json, null, 2) : text.slice(0, 500))
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
  await step("4. The customer with its role", "GET", "/store/customers/me?fields=*customer_meta", { bearer: medusaToken, publishable: true })
  if (organization) {
    await step("5. The company", "GET", "/store/companies/me", { bearer: medusaToken, publishable: true })
  }
  console.log(`\nMedusa token (customer ${sync.customer?.id}):\n${medusaToken}\n`)
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

/** Calls the stand-in's Backend API with the dev secret key. */
async function clerkApi(method, path, body) {
  let res
  try {
    res = await fetch(`${state.clerk.standInUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${devClerk.secretKey}`, "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(5000),
    })
  } catch (err) {
    fail(`The Clerk stand-in at ${state.clerk.standInUrl} did not answer (${err.message}). ${startFirst}`)
  }
  const json = await res.json().catch(() => undefined)
  if (!res.ok) fail(`Clerk stand-in ${method} ${path} -> ${res.status}: ${JSON.stringify(json)}`)
  return json
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return err.code === "EPERM"
  }
}

function slug(text) {
  return text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "business"
}

function shellQuote(s) {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}
