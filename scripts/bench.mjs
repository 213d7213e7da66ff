#!/usr/bin/env node
// `npm run bench`: numbers, not timed tests. Self-contained: its own
// database (dropped at the end), the offline Clerk stand-in, one `medusa
// start` server on loopback. Prints markdown tables; asserts nothing except
// that the flows it measures answer what they should.
//
//   (a) POST /auth/customer/clerk         Clerk session token -> Medusa token
//   (b) a guarded business route           GET /store/quotes (requireAccountType("business"))
//   (c) GET /store/customers/me             baseline core route, same auth
//   (d) a company buyer's guarded route     GET /store/quotes (requireAccountType business +
//                                           the company's quote scope, from the same role read)
//   (e) a company buyer's bulk-order guard   POST /store/orders/create-bulk, refused (403) for a
//                                           company `member`: requireAccountType + requireCompanyRoleIfMember
//   (b), (d) again with MEDUSA_FF_CACHING=true   server restarted with the Caching Module
//   a company member's sync                 POST /store/customers/sync-role: Clerk calls per sync
//   session-token verification in-process: SessionTokenVerifier vs @clerk/backend verifyToken
//
// Env: BENCH_REQUESTS (2000), BENCH_CONCURRENCY (8), BENCH_SEED_ROWS (5000),
//      BENCH_PORT (9301), BENCH_REDIS=1 to also run (b) with Redis caching
//      (REDIS_URL + caching-redis), DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD.
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
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
  standIn,
  startServer,
} from "../integration-tests/multi-instance/harness.mjs"
import { runLoad } from "./bench/load.mjs"
import { readScanStats, scanDelta, settledScanStats } from "./bench/pg-stats.mjs"
import { seedCustomerMeta } from "./bench/seed.mjs"
import { seedCompanies } from "./bench/seed-companies.mjs"
import { verifyMicroBenchmark } from "./bench/verify-micro.mjs"

const TOTAL = Number(process.env.BENCH_REQUESTS || 2000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 8)
const SEED_ROWS = Number(process.env.BENCH_SEED_ROWS || 5000)
const SEED_COMPANIES = Number(process.env.BENCH_SEED_COMPANIES || 200)
const SYNCS = Number(process.env.BENCH_SYNCS || 30)
const PORT = Number(process.env.BENCH_PORT || 9301)
const WITH_REDIS = process.env.BENCH_REDIS === "1"
const WARMUP = Math.min(200, Math.ceil(TOTAL / 10))

const startedAt = Date.now()
const say = (msg) => console.error(`[bench] ${msg}`) // progress on stderr; tables on stdout
const f1 = (n) => (Number.isFinite(n) ? n.toFixed(1) : "-")
const f2 = (n) => (Number.isFinite(n) ? n.toFixed(2) : "-")

const cleanups = []
let succeeded = false
let cleaning
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const undo of cleanups.reverse()) {
      try {
        await undo()
      } catch (err) {
        say(`cleanup step failed: ${err.message}`)
      }
    }
  })())
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, async () => {
    say(`${signal}: stopping everything ...`)
    await cleanup()
    process.exit(130)
  })
}

async function main() {
  if (!fs.existsSync(MEDUSA_BIN)) throw new HarnessError(`${MEDUSA_BIN} is missing: run "npm ci" first.`)
  const sampler = startRssSampler()
  const workDir = makeWorkDir("bench")
  cleanups.push(() => {
    if (succeeded) fs.rmSync(workDir, { recursive: true, force: true })
    else say(`logs kept in ${workDir}`)
  })

  // --- In-process micro-benchmark first, while nothing else runs ---
  say("micro-benchmark: session-token verification ...")
  const micro = await verifyMicroBenchmark()

  // --- Database, Clerk, migrations, store ---
  let t = Date.now()
  const db = await createScratchDatabase("bench", say)
  cleanups.push(() => db.drop())
  const clerk = await startClerk()
  cleanups.push(() => clerk.server.close())
  const baseEnv = {
    ...process.env,
    ...clerk.env,
    DATABASE_URL: db.url,
    MEDUSA_DISABLE_TELEMETRY: "true",
    ADMIN_DISABLED: "true",
    JWT_SECRET: crypto.randomBytes(24).toString("hex"),
    COOKIE_SECRET: crypto.randomBytes(24).toString("hex"),
  }
  delete baseEnv.REDIS_URL
  delete baseEnv.MEDUSA_FF_CACHING

  say(`database ${db.name}: medusa db:migrate --execute-safe-links ...`)
  await runMedusaStep(["db:migrate", "--execute-safe-links"], baseEnv, path.join(workDir, "migrate.log"))
  const setupFile = path.join(workDir, "setup.json")
  await runMedusaStep(["exec", "./integration-tests/multi-instance/setup-store.ts"], { ...baseEnv, SETUP_OUTPUT_FILE: setupFile }, path.join(workDir, "setup.log"))
  const { publishableKey: pk } = JSON.parse(fs.readFileSync(setupFile, "utf8"))
  const pg = await pgClient(db.name)
  cleanups.push(() => pg.end())
  const mix = await seedCustomerMeta(pg, SEED_ROWS)
  mix.companies = await seedCompanies(pg, SEED_COMPANIES)
  say(`migrated, store set up, ${SEED_ROWS} customer_meta rows and ${mix.companies.companies} companies (${mix.companies.members} members) seeded (${secs(t)})`)

  // --- One server, the business customer through the real flow ---
  let server
  const start = async (label, extraEnv = {}) => {
    t = Date.now()
    server = await startServer({ name: "bench server", port: PORT, env: { ...baseEnv, ...extraEnv }, logFile: path.join(workDir, `server-${label}.log`) })
    say(`server (${label}) up in ${secs(t)}`)
    return server
  }
  cleanups.push(() => server?.stop())
  await start("plain")

  const user = clerk.user({ email: "bench-buyer@example.test", unsafeMetadata: { accountType: "business", company: "Bench Buyer GmbH", tax_id: "DE 123 456 788" } })
  const signIn = await request(server.url, "POST", "/auth/customer/clerk", { body: { token: clerk.token(user.id) } })
  if (signIn.status !== 200) throw new HarnessError(`sign-in failed: ${signIn.status} ${JSON.stringify(signIn.data)}`)
  const sync = await request(server.url, "POST", "/store/customers/sync-role", { token: signIn.data.token, pk })
  if (sync.status !== 200) throw new HarnessError(`sync failed: ${sync.status} ${JSON.stringify(sync.data)}`)
  const refreshed = await request(server.url, "POST", "/auth/token/refresh", { token: signIn.data.token })
  const token = refreshed.data.token
  const customerId = sync.data.customer.id
  if (decodeJwt(token).actor_id !== customerId) throw new HarnessError("refreshed token does not act as the customer")

  // The guarded route: GET /store/quotes when it exists, else the role route.
  let guarded = { label: "GET /store/quotes (guard: requireAccountType business)", path: "/store/quotes" }
  const probe = await request(server.url, "GET", guarded.path, { token, pk })
  if (probe.status === 404 && typeof probe.data === "string") {
    guarded = { label: `GET /store/customers/sync-role/:id (no /store/quotes in this tree)`, path: `/store/customers/sync-role/${customerId}` }
  } else if (probe.status !== 200) {
    throw new HarnessError(`${guarded.path} answered ${probe.status}: ${JSON.stringify(probe.data)}`)
  }

  // A company: a buyer and a member (Clerk role org:viewer) of one organization.
  const org = clerk.server.putOrganization(standIn.buildClerkOrganization({ name: "Bench Team GmbH" }))
  const companyUser = async (email, clerkRole) => {
    const u = clerk.user({ email })
    clerk.server.setMembership(org.id, u.id, clerkRole)
    const signedIn = await request(server.url, "POST", "/auth/customer/clerk", { body: { token: clerk.token(u.id) } })
    const synced = await request(server.url, "POST", "/store/customers/sync-role", { token: signedIn.data.token, pk })
    if (synced.status !== 200 || !synced.data.company) throw new HarnessError(`company sync failed: ${synced.status} ${JSON.stringify(synced.data)}`)
    const ref = await request(server.url, "POST", "/auth/token/refresh", { token: signedIn.data.token })
    return { user: u, signInToken: signedIn.data.token, token: ref.data.token, role: synced.data.company.role }
  }
  const companyBuyer = await companyUser("bench-company-buyer@example.test", "org:member")
  const companyMember = await companyUser("bench-company-member@example.test", "org:viewer")
  if (companyBuyer.role !== "buyer" || companyMember.role !== "member") throw new HarnessError("company roles are not buyer/member")

  // A company member's sync: Clerk calls per sync (user + memberships).
  say(`company member sync: ${SYNCS} syncs ...`)
  clerk.server.resetRequests()
  const syncLatencies = []
  for (let i = 0; i < SYNCS; i++) {
    const t0 = process.hrtime.bigint()
    const res = await request(server.url, "POST", "/store/customers/sync-role", { token: companyBuyer.signInToken, pk })
    syncLatencies.push(Number(process.hrtime.bigint() - t0) / 1e6)
    if (res.status !== 200) throw new HarnessError(`sync ${i} answered ${res.status}`)
  }
  syncLatencies.sort((a, b) => a - b)
  const byPath = {}
  for (const r of clerk.server.requests) {
    const route = `${r.method} ${r.path.replace(/user_[^/?]+/, ":id").replace(/\?.*$/, "")}`
    byPath[route] = (byPath[route] ?? 0) + 1
  }
  const syncReport = {
    syncs: SYNCS,
    clerkCalls: clerk.server.count(),
    byPath,
    p50: syncLatencies[Math.floor(SYNCS / 2)],
  }

  const scenarios = []
  // Counters are cumulative: each run's "after" is the next run's "before".
  let lastStats = await settledScanStats(pg)
  const tokenPool = Array.from({ length: TOTAL + WARMUP }, () => clerk.token(user.id, { exp: Math.floor(Date.now() / 1000) + 3600 }))
  const measure = async (name, def) => {
    say(`${name}: ${WARMUP} warm-up + ${TOTAL} measured requests, concurrency ${CONCURRENCY} ...`)
    // Clerk calls and scan counters cover warm-up and measured requests
    // alike (both must be 0 Clerk calls); latencies only the measured ones.
    const before = lastStats
    clerk.server.resetRequests()
    const warm = await runLoad({ baseUrl: server.url, total: WARMUP, concurrency: CONCURRENCY, makeRequest: (i) => def.makeRequest(TOTAL + i), expectStatus: def.expectStatus })
    const load = await runLoad({ baseUrl: server.url, total: TOTAL, concurrency: CONCURRENCY, makeRequest: def.makeRequest, expectStatus: def.expectStatus })
    const clerkCalls = clerk.server.count()
    const after = (lastStats = await settledScanStats(pg))
    const delta = scanDelta(before, after)
    const requests = WARMUP + TOTAL
    if (warm.errors) load.errors += warm.errors
    scenarios.push({ name, ...load, requests, clerkCalls, delta, loadAvg: os.loadavg()[0] })
    say(`${name}: ${f1(load.rps)} req/s, p50 ${f2(load.p50)} ms, errors ${load.errors}${load.firstError ? ` (first: ${load.firstError})` : ""}`)
  }

  const signInReq = { makeRequest: (i) => ({ method: "POST", path: "/auth/customer/clerk", body: { token: tokenPool[i] } }) }
  const guardedReq = { makeRequest: () => ({ method: "GET", path: guarded.path, token, pk }) }
  const meReq = { makeRequest: () => ({ method: "GET", path: "/store/customers/me", token, pk }) }
  const companyReq = { makeRequest: () => ({ method: "GET", path: "/store/quotes", token: companyBuyer.token, pk }) }
  const companyRoleReq = {
    expectStatus: 403,
    makeRequest: () => ({ method: "POST", path: "/store/orders/create-bulk", token: companyMember.token, pk, body: { items: [{ sku: "BENCH", quantity: 1 }] } }),
  }

  await measure("(a) POST /auth/customer/clerk", signInReq)
  await measure(`(b) ${guarded.label}`, guardedReq)
  await measure("(c) GET /store/customers/me (baseline, same auth)", meReq)
  await measure("(d) company buyer: GET /store/quotes (company scope from the role read)", companyReq)
  await measure("(e) company member: POST /store/orders/create-bulk → 403 (two guards, one role read)", companyRoleReq)

  await server.stop()
  await start("caching", { MEDUSA_FF_CACHING: "true" })
  lastStats = await settledScanStats(pg)
  await measure(`(b) same, MEDUSA_FF_CACHING=true (in-memory Caching Module)`, guardedReq)
  await measure(`(d) same, MEDUSA_FF_CACHING=true`, companyReq)

  if (WITH_REDIS) {
    const redis = await ensureRedis(say)
    cleanups.push(() => redis.cleanup())
    await server.stop()
    await start("redis-caching", { MEDUSA_FF_CACHING: "true", REDIS_URL: redis.url })
    lastStats = await settledScanStats(pg)
    await measure(`(b) same, MEDUSA_FF_CACHING=true + REDIS_URL (caching-redis)`, guardedReq)
    await measure(`(d) same, MEDUSA_FF_CACHING=true + REDIS_URL (caching-redis)`, companyReq)
  }

  const mem = sampler.stop()
  say(`peak RSS (bench process + server + CLI steps, summed): ${mb(mem.peakTotalMb)}`)
  return { micro, scenarios, mix, guarded, syncReport }
}

function printReport({ micro, scenarios, mix, syncReport }) {
  const cpu = os.cpus()
  const lines = []
  lines.push(`### medusa-plugin-role-sync benchmark`)
  lines.push("")
  lines.push(`${new Date().toISOString().slice(0, 10)}; Node ${process.version}; ${cpu.length} × ${cpu[0]?.model?.trim()}; Medusa 2.21.2 \`medusa start\` (NODE_ENV=development, admin off), one instance, PostgreSQL on localhost; load generator on the same machine (loopback, keep-alive), ${TOTAL} requests per row after ${WARMUP} warm-up, concurrency ${CONCURRENCY}. customer_meta: ${SEED_ROWS} seeded rows (${mix.individual} individual, ${mix.business} business of which ${mix.verified} verified, ${mix.deleted} soft-deleted) + the benchmark customer; ${mix.companies.companies} companies with ${mix.companies.members} members among the seeded businesses.`)
  lines.push("")
  lines.push(`| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | Clerk stand-in calls | customer_meta idx_scan per request | customer_meta seq_scan | load avg 1 min |`)
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
  for (const s of scenarios) {
    lines.push(`| ${s.name} | ${f1(s.rps)} | ${f2(s.p50)} | ${f2(s.p95)} | ${f2(s.p99)} | ${s.errors} | ${s.clerkCalls} | ${f2(s.delta.idx / s.requests)} (${s.delta.idx} / ${s.requests}) | ${s.delta.seq} | ${f2(s.loadAvg)} |`)
  }
  lines.push("")
  lines.push(`Latency columns: the ${TOTAL} measured requests. Clerk calls and pg_stat deltas: warm-up + measured requests (pg_stat_user_tables after pg_stat_clear_snapshot(), read once the server's idle backends have flushed). Load average: machine-wide, read right after each row; above ${cpu.length} (the core count) other work shared the CPUs and that row's throughput is understated.`)
  lines.push("")
  const idxNotes = scenarios
    .filter((s) => Object.keys(s.delta.byIndex).length)
    .map((s) => `${s.name}: ${Object.entries(s.delta.byIndex).map(([n, d]) => `${n} +${d}`).join(", ")}`)
  if (idxNotes.length) lines.push(`customer_meta index scans by index (pg_stat_user_indexes):\n${idxNotes.map((n) => `- ${n}`).join("\n")}`)
  const errored = scenarios.filter((s) => s.errors)
  if (errored.length) lines.push(`Errors: ${errored.map((s) => `${s.name}: ${s.errors} (first: ${s.firstError})`).join("; ")}.`)
  lines.push("")
  lines.push(`Company member's sync (POST /store/customers/sync-role, ${syncReport.syncs} syncs in a row): ${f2(syncReport.clerkCalls / syncReport.syncs)} Clerk calls per sync (${Object.entries(syncReport.byPath).map(([p, n]) => `${p} ×${n}`).join(", ")}), p50 ${f1(syncReport.p50)} ms.`)
  lines.push("")
  lines.push("Session-token verification, in-process (same RS256 token, interleaved rounds):")
  lines.push("")
  lines.push("| verifier | ops | ops/s | median µs | p99 µs |")
  lines.push("|---|---:|---:|---:|---:|")
  for (const m of micro) lines.push(`| ${m.name} | ${m.ops} | ${Math.round(m.opsPerSec)} | ${f1(m.medianUs)} | ${f1(m.p99Us)} |`)
  console.log(lines.join("\n"))
}

let code = 1
try {
  const report = await main()
  printReport(report)
  succeeded = true
  code = 0
} catch (err) {
  console.error(`\n[bench] ${err instanceof HarnessError ? err.message : err?.stack ?? err}\n`)
} finally {
  await cleanup()
  say(`done in ${secs(startedAt)}`)
}
process.exit(code)
