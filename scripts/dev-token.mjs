#!/usr/bin/env node
// `npm run dev:token -- --business "Acme GmbH" [--tax-id "DE 136 695 976"] [--email x] [--run]`
// `npm run dev:token -- --individual [--email x] [--run]`
//
// Needs a running `npm run dev` in stand-in mode. Creates (or reuses, by
// email) a demo user in the local Clerk stand-in, signs a Clerk-shaped
// session token for it with the dev key, and prints curl commands for the
// sign-in flow. `--run` performs the flow itself and prints every response.
import { execFileSync } from "node:child_process"
import { parseArgs } from "node:util"
import { PATHS, readJson, refuseInProduction, rel } from "./lib/dev-env.mjs"
import { loadOrCreateDevClerk, signDevSessionToken } from "./lib/clerk-dev.mjs"
import { probePort } from "./lib/postgres.mjs"

refuseInProduction("npm run dev:token")

const USAGE = `Usage:
  npm run dev:token -- --business "Acme GmbH" [--tax-id "DE 136 695 976"] [--email buyer@acme.test] [--run]
  npm run dev:token -- --individual [--email jane@example.test] [--run]

Options:
  --business <company>  business account with this company name
  --tax-id <id>         tax ID for the business (optional)
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
if (!!args.business === args.individual) fail(`pass exactly one of --business "<company>" or --individual\n\n${USAGE}`)
if (args.individual && args["tax-id"]) fail("--tax-id only applies to --business")
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
const email = (args.email ?? (company ? `${slug(company)}@example.test` : "individual@example.test")).toLowerCase()
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
  user = await clerkApi("POST", "/v1/users", {
    email_address: [email],
    first_name: args["first-name"] ?? (company ? "Demo" : first),
    last_name: args["last-name"] ?? (company ? "Buyer" : rest.join(" ") || "Doe"),
    unsafe_metadata: unsafeMetadata,
  })
  console.log(`Created stand-in user ${user.id} <${email}>.`)
}
console.log(`unsafe_metadata: ${JSON.stringify(user.unsafe_metadata)}`)

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

# Or let this script run the flow:  npm run dev:token -- ${process.argv.slice(2).map(shellQuote).join(" ")} --run
`)
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
