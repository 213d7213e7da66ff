#!/usr/bin/env node
// `npm run test:multi-instance`: DESIGN.md §5 rule 6 and §7 across two
// Medusa instances sharing one PostgreSQL database and one Redis.
//
// Self-contained: a fresh database (dropped at the end), migrations once,
// the offline Clerk stand-in, two `medusa start` servers on 9301 and 9302
// with Medusa's Redis event bus, workflow engine, locking and caching
// (medusa-config.ts switches to them when REDIS_URL is set), then:
//   1. N parallel sign-in + sync calls for one new Clerk user, alternating
//      between the instances -> one customer, one customer_meta, one binding;
//   2. a verification on instance A is seen on instance B;
//   3. a role change synced on A reaches B's guard (shared Redis cache).
// Prints "N passed, N failed" and exits 1 on any failure.
//
// Env: MI_PARALLEL (default 20), MI_PORTS (default "9301,9302"),
//      MI_CACHING (default "true": MEDUSA_FF_CACHING with the Redis provider),
//      MI_REDIS=false: negative control, servers WITHOUT REDIS_URL (in-process
//      locking, event bus, workflow engine and cache per instance); expected
//      to fail the checks that need shared state,
//      DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD (default localhost:5432, postgres).
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import {
  HarnessError,
  MEDUSA_BIN,
  createScratchDatabase,
  decodeJwt,
  ensureRedis,
  makeWorkDir,
  mb,
  pgClient,
  request,
  runMedusaStep,
  secs,
  startClerk,
  startRssSampler,
  startServer,
} from "./harness.mjs"

const PARALLEL = Number(process.env.MI_PARALLEL || 20)
const PORTS = (process.env.MI_PORTS || "9301,9302").split(",").map(Number)
const CACHING = (process.env.MI_CACHING ?? "true") !== "false"
const USE_REDIS = (process.env.MI_REDIS ?? "true") !== "false"

const startedAt = Date.now()
const say = (msg) => console.log(`[multi-instance] ${msg}`)

const results = []
function check(name, ok, detail = "") {
  results.push({ name, ok })
  console.log(`  ${ok ? "PASS" : "FAIL"}  ${name}${!ok && detail ? `\n        ${detail}` : ""}`)
  return ok
}
const show = (v) => JSON.stringify(v)?.slice(0, 400)

const cleanups = []
let workDir
let cleaningUp = null

async function cleanup() {
  if (cleaningUp) return cleaningUp
  cleaningUp = (async () => {
    for (const undo of cleanups.reverse()) {
      try {
        await undo()
      } catch (err) {
        console.error(`[multi-instance] cleanup step failed: ${err.message}`)
      }
    }
  })()
  return cleaningUp
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, async () => {
    say(`${signal}: stopping everything ...`)
    await cleanup()
    process.exit(130)
  })
}

async function main() {
  if (!fs.existsSync(MEDUSA_BIN)) throw new HarnessError(`${MEDUSA_BIN} is missing: run "npm ci" first.`)
  if (PORTS.length !== 2 || PORTS.some((p) => !Number.isInteger(p))) throw new HarnessError(`MI_PORTS must be two ports, e.g. "9301,9302"`)
  const sampler = startRssSampler()
  workDir = makeWorkDir("multi-instance")
  say(`work dir (logs): ${workDir}`)

  // --- Redis, database, Clerk ---
  let t = Date.now()
  let redis = null
  if (USE_REDIS) {
    redis = await ensureRedis(say)
    cleanups.push(() => redis.cleanup())
    say(`Redis: ${redis.url} (empty logical database claimed for this run${redis.startedServer ? "; redis-server started by this run" : ""})`)
  } else {
    say("MI_REDIS=false: NEGATIVE CONTROL, servers run without REDIS_URL (per-instance locking, event bus, workflow engine, cache)")
  }

  const db = await createScratchDatabase("mi", say)
  cleanups.push(async () => {
    await db.drop()
    say(`database ${db.name} dropped`)
  })
  say(`database: ${db.name}`)

  const clerk = await startClerk()
  cleanups.push(() => clerk.server.close())
  say(`Clerk stand-in: ${clerk.server.url}`)

  const env = {
    ...process.env,
    ...clerk.env,
    DATABASE_URL: db.url,
    REDIS_URL: redis?.url,
    MEDUSA_DISABLE_TELEMETRY: "true",
    ADMIN_DISABLED: "true",
    JWT_SECRET: crypto.randomBytes(24).toString("hex"),
    COOKIE_SECRET: crypto.randomBytes(24).toString("hex"),
  }
  if (!redis) delete env.REDIS_URL
  if (CACHING) env.MEDUSA_FF_CACHING = "true"
  else delete env.MEDUSA_FF_CACHING

  // --- Migrations (once) and the store's publishable key + an admin ---
  t = Date.now()
  say("medusa db:migrate --execute-safe-links ...")
  await runMedusaStep(["db:migrate", "--execute-safe-links"], env, path.join(workDir, "migrate.log"))
  say(`migrations done (${secs(t)})`)

  t = Date.now()
  const setupFile = path.join(workDir, "setup.json")
  const adminEmail = "admin@multi-instance.test"
  const adminPassword = crypto.randomBytes(12).toString("base64url")
  say("medusa exec setup-store.ts (publishable key, admin user) ...")
  await runMedusaStep(["exec", "./integration-tests/multi-instance/setup-store.ts"], {
    ...env,
    SETUP_OUTPUT_FILE: setupFile,
    SETUP_ADMIN_EMAIL: adminEmail,
    SETUP_ADMIN_PASSWORD: adminPassword,
  }, path.join(workDir, "setup.log"))
  const setup = JSON.parse(fs.readFileSync(setupFile, "utf8"))
  const pk = setup.publishableKey
  say(`store set up (${secs(t)})`)

  // --- Two instances ---
  t = Date.now()
  say(`starting two medusa servers on ${PORTS.join(" and ")} (${redis ? "REDIS_URL set" : "no REDIS_URL"}${CACHING ? ", MEDUSA_FF_CACHING=true" : ""}) ...`)
  const servers = []
  cleanups.push(async () => {
    await Promise.all(servers.map((s) => s.stop()))
    if (servers.length) say("servers stopped")
  })
  const boots = PORTS.map((port, i) =>
    startServer({ name: `instance ${"AB"[i]}`, port, env, logFile: path.join(workDir, `server-${"ab"[i]}.log`) }).then((s) => {
      servers[i] = s
      return s
    })
  )
  const settled = await Promise.allSettled(boots)
  const failedBoot = settled.find((s) => s.status === "rejected")
  if (failedBoot) throw failedBoot.reason
  const [A, B] = servers
  say(`both up in ${secs(t)} (A ${(A.bootMs / 1000).toFixed(1)} s, B ${(B.bootMs / 1000).toFixed(1)} s)`)

  // --- 1. Parallel sign-in + sync for one new Clerk user ---
  console.log(`\n1. ${PARALLEL} parallel sign-in + sync calls for one new Clerk user, alternating A/B`)
  const email = `parallel-${crypto.randomBytes(4).toString("hex")}@multi-instance.test`
  const user = clerk.user({ email, firstName: "Para", lastName: "Llel", unsafeMetadata: { accountType: "business", company: "Parallel Instances GmbH", tax_id: "DE 123 456 788" } })
  const tokens = Array.from({ length: PARALLEL }, () => clerk.token(user.id))
  clerk.server.resetRequests()
  t = Date.now()
  const runs = await Promise.all(
    tokens.map(async (clerkToken, i) => {
      const signInOn = servers[i % 2]
      const syncOn = servers[Math.floor(i / 2) % 2]
      const signIn = await request(signInOn.url, "POST", "/auth/customer/clerk", { body: { token: clerkToken } })
      if (signIn.status !== 200) return { signIn, signInOn: signInOn.name, syncOn: syncOn.name }
      const sync = await request(syncOn.url, "POST", "/store/customers/sync-role", { token: signIn.data.token, pk })
      return { signIn, sync, signInOn: signInOn.name, syncOn: syncOn.name }
    })
  )
  say(`${PARALLEL} flows done in ${secs(t)}`)

  const badSignIns = runs.filter((r) => r.signIn.status !== 200)
  check(`all ${PARALLEL} sign-ins (POST /auth/customer/clerk) answer 200`, !badSignIns.length,
    badSignIns.map((r) => `${r.signInOn}: ${r.signIn.status} ${show(r.signIn.data)}`).join("\n        "))
  const syncs = runs.filter((r) => r.sync)
  const badSyncs = syncs.filter((r) => r.sync.status !== 200)
  check(`all ${PARALLEL} syncs (POST /store/customers/sync-role) answer 200`, syncs.length === PARALLEL && !badSyncs.length,
    badSyncs.map((r) => `${r.syncOn}: ${r.sync.status} ${show(r.sync.data)}`).join("\n        "))
  const okSyncs = syncs.filter((r) => r.sync.status === 200)
  const customerIds = [...new Set(okSyncs.map((r) => r.sync.data.customer?.id))]
  check("every sync names the same customer", customerIds.length === 1 && !!customerIds[0], `customer ids: ${show(customerIds)}`)
  const createdCount = okSyncs.filter((r) => r.sync.data.created === true).length
  check("exactly one sync reports created: true", createdCount === 1, `created: true in ${createdCount} responses`)
  const servedBy = (key) => ["instance A", "instance B"].map((n) => runs.filter((r) => r[key] === n).length)
  say(`sign-ins served A/B: ${servedBy("signInOn").join("/")}, syncs served A/B: ${servedBy("syncOn").join("/")}`)
  const customerId = customerIds[0]

  const pg = await pgClient(db.name)
  cleanups.push(() => pg.end())
  const one = async (sql, params) => (await pg.query(sql, params)).rows
  const customers = await one(`SELECT id, email, has_account FROM customer WHERE deleted_at IS NULL`)
  check("the database holds exactly one customer, the one the syncs named", customers.length === 1 && customers[0].id === customerId && customers[0].email === email && customers[0].has_account === true,
    `customers: ${show(customers)}`)
  const metas = await one(`SELECT id, customer_id, clerk_user_id, account_type, company_name, tax_id FROM customer_meta WHERE deleted_at IS NULL`)
  check("exactly one customer_meta, bound to that customer and Clerk user", metas.length === 1 && metas[0].customer_id === customerId && metas[0].clerk_user_id === user.id && metas[0].account_type === "business",
    `customer_meta rows: ${show(metas)}`)
  const identities = await one(
    `SELECT ai.id, ai.app_metadata, pi.provider, pi.entity_id
       FROM auth_identity ai JOIN provider_identity pi ON pi.auth_identity_id = ai.id
      WHERE ai.deleted_at IS NULL AND pi.deleted_at IS NULL AND pi.provider = 'clerk'`
  )
  check("exactly one clerk auth identity, for this Clerk user, bound to that customer", identities.length === 1 && identities[0].provider === "clerk" && identities[0].entity_id === user.id && identities[0].app_metadata?.customer_id === customerId,
    `identities: ${show(identities)}`)
  const distinctIdentityIds = new Set(runs.filter((r) => r.signIn.status === 200).map((r) => decodeJwt(r.signIn.data.token).auth_identity_id))
  check("all sign-ins resolved to that one auth identity", distinctIdentityIds.size === 1 && distinctIdentityIds.has(identities[0]?.id),
    `auth_identity_ids in tokens: ${show([...distinctIdentityIds])}`)

  // --- 2. Verification on A, seen on B ---
  console.log("\n2. Verification on instance A, seen on instance B")
  const anySignIn = runs.find((r) => r.signIn.status === 200)
  const refreshed = await request(B.url, "POST", "/auth/token/refresh", { token: anySignIn?.signIn.data.token })
  const customerToken = refreshed.data?.token
  check("B refreshes a token issued by A-or-B into one that acts as the customer", refreshed.status === 200 && decodeJwt(customerToken).actor_id === customerId,
    `${refreshed.status} ${show(refreshed.data)}`)

  // Warms B's role cache (when caching is on) before A changes anything.
  const quotesBefore = await request(B.url, "GET", "/store/quotes", { token: customerToken, pk })
  const hasQuotes = !(quotesBefore.status === 404 && typeof quotesBefore.data === "string")
  if (hasQuotes) {
    check("B: GET /store/quotes (guard: business) answers 200 for the declared business", quotesBefore.status === 200, `${quotesBefore.status} ${show(quotesBefore.data)}`)
    await request(B.url, "GET", "/store/quotes", { token: customerToken, pk })
  } else {
    say("GET /store/quotes does not exist in this tree; the guard cross-check below is skipped")
  }
  const roleBefore = await request(B.url, "GET", `/store/customers/sync-role/${customerId}`, { token: customerToken, pk })
  check("B: GET /store/customers/sync-role/:id shows the business unverified", roleBefore.status === 200 && roleBefore.data.customer_meta?.is_verified === false,
    `${roleBefore.status} ${show(roleBefore.data)}`)

  const adminLogin = await request(A.url, "POST", "/auth/user/emailpass", { body: { email: adminEmail, password: adminPassword } })
  const adminToken = adminLogin.data?.token
  const verify = await request(A.url, "POST", "/admin/customers/verify", { token: adminToken, body: { customer_id: customerId } })
  check("A: POST /admin/customers/verify answers 200 with is_verified: true", adminLogin.status === 200 && verify.status === 200 && verify.data.customer_meta?.is_verified === true,
    `login ${adminLogin.status}; verify ${verify.status} ${show(verify.data)}`)

  const roleAfter = await request(B.url, "GET", `/store/customers/sync-role/${customerId}`, { token: customerToken, pk })
  check("B: GET /store/customers/sync-role/:id shows is_verified: true right after", roleAfter.status === 200 && roleAfter.data.customer_meta?.is_verified === true,
    `${roleAfter.status} ${show(roleAfter.data)}`)
  const me = await request(B.url, "GET", "/store/customers/me?fields=*customer_meta", { token: customerToken, pk })
  check("B: GET /store/customers/me?fields=*customer_meta shows is_verified: true", me.status === 200 && me.data.customer?.customer_meta?.is_verified === true,
    `${me.status} ${show(me.data)}`)

  // --- 3. A role change synced on A reaches B's guard ---
  if (hasQuotes) {
    console.log("\n3. A role change synced on instance A reaches instance B's guard")
    user.unsafe_metadata = { accountType: "individual" }
    user.updated_at = Date.now()
    const resync = await request(A.url, "POST", "/store/customers/sync-role", { token: customerToken, pk })
    check("A: re-sync after the Clerk user became an individual answers 200, unverified", resync.status === 200 && resync.data.customer_meta?.account_type === "individual" && resync.data.customer_meta?.is_verified === false,
      `${resync.status} ${show(resync.data)}`)
    const quotesAfter = await request(B.url, "GET", "/store/quotes", { token: customerToken, pk })
    check(`B: GET /store/quotes now answers 403 (${!CACHING ? "no caching" : redis ? "B's cached role was cleared through the shared Redis cache" : "per-instance cache"})`, quotesAfter.status === 403,
      `${quotesAfter.status} ${show(quotesAfter.data)}`)
  }

  // --- Redis really carried the shared state ---
  if (!redis) return finish(sampler, servers)
  console.log("\n4. Shared infrastructure")
  const wanted = {
    "event bus": /Connection to Redis in module 'event-bus-redis' established/,
    "workflow engine": /Connection to Redis in module 'workflow-engine-redis' established/,
    locking: /Connection to Redis in "locking-redis" provider established/,
    ...(CACHING ? { caching: /Redis cache connection established/ } : {}),
  }
  for (const s of servers) {
    const log = fs.readFileSync(s.logFile, "utf8")
    const missing = Object.entries(wanted).filter(([, re]) => !re.test(log)).map(([n]) => n)
    check(`${s.name} runs Medusa's Redis ${Object.keys(wanted).join(", ")}`, !missing.length, `no Redis connection logged for: ${missing.join(", ")}`)
  }
  const keyGroups = await redis.keyGroups()
  say(`keys in Redis db ${redis.db}: ${show(keyGroups)}`)
  const bullKeys = Object.entries(keyGroups).filter(([k]) => /bull|EventBus|workflow/i.test(k)).reduce((n, [, c]) => n + c, 0)
  check("Redis holds the instances' event-bus / workflow-engine queues", bullKeys > 0, `key groups: ${show(keyGroups)}`)
  if (CACHING) {
    check("Redis holds the Caching Module's entries (provider caching-redis)", (keyGroups.mc ?? 0) > 0, `key groups: ${show(keyGroups)}`)
  }

  return finish(sampler, servers)
}

function finish(sampler, servers) {
  const mem = sampler.stop()
  const names = new Map(servers.map((s) => [s.pgid, s.name]))
  const perServer = [...mem.peakByGroupMb].filter(([g]) => names.has(g)).map(([g, v]) => `${names.get(g)} ${mb(v)}`)
  return { mem, perServer }
}

let exitCode = 1
let summary
try {
  summary = await main()
} catch (err) {
  check("run completed", false, err instanceof HarnessError ? err.message : err?.stack ?? String(err))
} finally {
  await cleanup()
  const passed = results.filter((r) => r.ok).length
  const failed = results.length - passed
  exitCode = failed || !results.length ? 1 : 0
  if (workDir) {
    if (exitCode === 0) fs.rmSync(workDir, { recursive: true, force: true })
    else console.log(`\n[multi-instance] logs kept in ${workDir}`)
  }
  console.log(`\nwall time ${secs(startedAt)}` + (summary ? `; peak RSS (runner + both servers, summed) ${mb(summary.mem.peakTotalMb)} [${summary.perServer.join(", ")}, runner ${mb(summary.mem.peakSelfMb)}]` : ""))
  console.log(`${passed} passed, ${failed} failed`)
}
process.exit(exitCode)
