#!/usr/bin/env node
// `npm run test:compat`: the plugin installed the way a store installs it,
// at the lowest and the highest Medusa version of its peer range.
//
// 1. `npm run build` (unless COMPAT_SKIP_BUILD=1) and `npm pack`; the
//    tarball's file list is checked (no tests, config or scripts).
// 2. For each Medusa version, a fresh host app (scripts/compat/host-app.mjs)
//    in a temporary folder, `npm install` of the tarball (installs run in
//    parallel, servers one at a time), its own database, and:
//      - every named import of the plugin's admin bundle exists in the
//        host's @medusajs/ui, icons, admin-sdk, js-sdk, react-query, router,
//        and every widget zone it uses in the host's dashboard;
//      - `medusa db:migrate` with no CLERK_* variable exits 0;
//      - `medusa user -e … -p …` with no CLERK_* variable exits 0;
//      - `medusa start` with no CLERK_* variable refuses to serve, naming
//        CLERK_SECRET_KEY;
//      - `npx medusa-plugin-role-sync dev-clerk env >> .env`, the stand-in
//        started with the package's own command, `medusa start`, and the
//        walk (walk.mjs): sign-in → sync → guarded route → admin verify →
//        guarded route → a cheaper cart for the verified business.
// 3. Everything it started is stopped, its databases dropped and its
//    folders removed, also on failure (COMPAT_KEEP=1 keeps them).
//
// Env: COMPAT_VERSIONS ("2.13.0,2.21.2"; default: the lowest and the highest
// published version in the @medusajs/framework peer range), COMPAT_PORT
// (first Medusa port, default 9500; each version takes the next one),
// COMPAT_CLERK_PORT (default 9550), COMPAT_DB_PREFIX
// (default "role_sync_compat_"), COMPAT_SKIP_BUILD=1, COMPAT_KEEP=1,
// COMPAT_WORK_DIR (default the OS temp folder), DB_HOST/DB_PORT/DB_USERNAME/
// DB_PASSWORD (default localhost:5432, postgres, no password).
import crypto from "node:crypto"
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { runToCompletion, spawnGroup, stopAllGroups, stopGroup, tail, waitForHttp } from "../../e2e/processes.mjs"
import { ensurePostgres, probePort } from "../lib/postgres.mjs"
import { missingAdminImports, unknownWidgetZones } from "./admin-imports.mjs"
import { writeHostApp } from "./host-app.mjs"
import { checkPackedFiles } from "./pack-check.mjs"
import { walk } from "./walk.mjs"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
const require = createRequire(path.join(ROOT, "package.json"))
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
const FIRST_PORT = Number(process.env.COMPAT_PORT || 9500)
const FIRST_CLERK_PORT = Number(process.env.COMPAT_CLERK_PORT || 9550)
const DB_PREFIX = process.env.COMPAT_DB_PREFIX || "role_sync_compat_"
const KEEP = process.env.COMPAT_KEEP === "1"
const PG = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}
// Marks a database as made by this script: the only kind it ever drops.
const DB_MARKER = "medusa-plugin-role-sync compat check (scratch, safe to drop)"

const startedAt = Date.now()
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`
const log = (msg) => console.log(`[compat ${secs(Date.now() - startedAt).padStart(7)}] ${msg}`)

const cleanups = []
const removals = [] // host folders being deleted
const results = [] // { version, checks: [{ name, ok, ms, detail }] }

class CompatError extends Error {}

async function main() {
  const workDir = fs.mkdtempSync(path.join(process.env.COMPAT_WORK_DIR || os.tmpdir(), "role-sync-compat-"))
  if (!KEEP) {
    cleanups.push(async () => {
      await Promise.allSettled(removals)
      await fs.promises.rm(workDir, { recursive: true, force: true })
    })
  }
  log(`work folder ${workDir}${KEEP ? " (kept: COMPAT_KEEP=1)" : ""}`)

  const tarball = await timed("pack", () => pack(workDir))
  const versions = await timed("versions", () => chooseVersions())
  log(`Medusa versions: ${versions.map((v) => `${v.medusa} (ui ${v.ui})`).join(", ")}`)

  const pgServer = await ensurePostgres({ ...PG, dataDir: path.join(ROOT, ".dev", "postgres"), log, librarySignalHandlers: false })
  cleanups.push(() => pgServer.stop())

  // Installs are mostly network and disk: run them side by side.
  const hosts = versions.map((v, i) => ({
    ...v,
    dir: path.join(workDir, `host-${v.medusa}`),
    port: FIRST_PORT + i,
    clerkPort: FIRST_CLERK_PORT + i,
    db: `${DB_PREFIX}${v.medusa.replace(/\W/g, "_")}`,
    checks: [],
  }))
  await Promise.all(hosts.map((host) => install(host, tarball)))
  for (const host of hosts) {
    results.push({ version: host.medusa, checks: host.checks })
    if (!host.checks.some((c) => !c.ok)) await exercise(host) // else the install failed
    // Deleting ~800 MB of node_modules is slow: let it overlap the next host's run.
    if (!KEEP) removals.push(fs.promises.rm(host.dir, { recursive: true, force: true }))
  }
}

async function timed(name, fn) {
  const t = Date.now()
  const out = await fn()
  log(`${name} done (${secs(Date.now() - t)})`)
  return out
}

/** Builds (unless COMPAT_SKIP_BUILD=1), packs into workDir and checks the file list. */
async function pack(workDir) {
  if (process.env.COMPAT_SKIP_BUILD !== "1") {
    await runToCompletion("npm run build", "npm", ["run", "build"], { cwd: ROOT, env: process.env, logFile: path.join(workDir, "build.log") })
  } else if (!fs.existsSync(path.join(ROOT, ".medusa", "server", "src"))) {
    throw new CompatError("COMPAT_SKIP_BUILD=1 but .medusa/server is missing: run npm run build first")
  }
  const out = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", workDir], { cwd: ROOT, encoding: "utf8" })
  const [info] = JSON.parse(out.slice(out.indexOf("[")))
  const { problems } = checkPackedFiles(info.files.map((f) => f.path))
  if (problems.length) throw new CompatError(`the tarball is not fit to ship:\n  ${problems.join("\n  ")}`)
  log(`packed ${info.filename} (${info.files.length} files, ${(info.size / 1024).toFixed(0)} kB)`)
  return path.join(workDir, info.filename)
}

/**
 * COMPAT_VERSIONS, else the lowest and highest published @medusajs/medusa
 * versions inside the plugin's @medusajs/framework peer range; each with the
 * @medusajs/ui its dashboard pins.
 */
async function chooseVersions() {
  let versions = (process.env.COMPAT_VERSIONS || "").split(",").map((s) => s.trim()).filter(Boolean)
  if (!versions.length) {
    const range = PKG.peerDependencies["@medusajs/framework"]
    // npm lists matching versions in publication order, not semver order.
    const published = [].concat(npmView(`@medusajs/medusa@${range}`, "version")).sort(compareVersions)
    if (!published.length) throw new CompatError(`no published @medusajs/medusa in the peer range ${range}`)
    versions = [...new Set([published[0], published[published.length - 1]])]
  }
  return versions.map((medusa) => {
    const ui = npmView(`@medusajs/dashboard@${medusa}`, "dependencies.@medusajs/ui")
    if (!ui) throw new CompatError(`cannot find the @medusajs/ui that @medusajs/dashboard@${medusa} pins`)
    return { medusa, ui }
  })
}

/** Orders plain x.y.z versions (peer ranges exclude prereleases). */
function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number))
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]
}

function npmView(spec, field) {
  const out = execFileSync("npm", ["view", spec, field, "--json"], { cwd: ROOT, encoding: "utf8" }).trim()
  return out ? JSON.parse(out) : undefined
}

/** Writes the host app and installs it; records the check. */
async function install(host, tarball) {
  writeHostApp({ dir: host.dir, medusaVersion: host.medusa, uiVersion: host.ui, tarball })
  await check(host, `npm install (Medusa ${host.medusa}, @medusajs/ui ${host.ui}, the plugin tarball)`, () =>
    runToCompletion("npm install", "npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], {
      cwd: host.dir,
      env: { ...process.env, npm_config_loglevel: "warn" },
      logFile: path.join(host.dir, "install.log"),
      timeoutMs: 10 * 60_000,
    })
  )
}

/** Runs every check against one installed host. */
async function exercise(host) {
  log(`--- Medusa ${host.medusa} in ${host.dir}`)
  const medusa = path.join(host.dir, "node_modules", ".bin", "medusa")
  const cli = path.join(host.dir, "node_modules", ".bin", "medusa-plugin-role-sync")
  const logFile = (name) => path.join(host.dir, `${name}.log`)
  // The host's environment without any Clerk key: what CI, a build server or
  // a fresh clone has before anyone configured Clerk.
  const keyless = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("CLERK_")))
  const env = {
    ...keyless,
    DATABASE_URL: databaseUrl(host.db),
    PORT: String(host.port),
    MEDUSA_DISABLE_TELEMETRY: "true",
    ADMIN_DISABLED: "true",
    NODE_ENV: "development",
  }
  const run = (name, args, extra = {}) =>
    runToCompletion(`medusa ${args.join(" ")}`, medusa, args, { cwd: host.dir, env: { ...env, ...extra }, logFile: logFile(name), timeoutMs: 5 * 60_000 })

  await check(host, "admin bundle: every import exists in the host's packages, every widget zone in its dashboard", () => {
    const bundle = path.join(host.dir, "node_modules", "medusa-plugin-role-sync", ".medusa", "server", "src", "admin", "index.mjs")
    const missing = missingAdminImports(bundle)
    if (missing.length) {
      throw new CompatError(missing.map((m) => (m.name ? `${m.pkg} has no export "${m.name}"` : `${m.pkg} cannot be resolved: ${m.resolved}`)).join("; "))
    }
    const zones = unknownWidgetZones(bundle)
    if (zones.length) throw new CompatError(`widget zone(s) this Medusa's dashboard does not have: ${zones.join(", ")}`)
  })

  await createDatabase(host.db)
  if (!KEEP) cleanups.push(() => dropDatabase(host.db))

  const admin = { email: "admin@compat.test", password: crypto.randomBytes(12).toString("base64url") }
  const migrated = await check(host, "medusa db:migrate without Clerk keys exits 0", () => run("migrate", ["db:migrate"]))
  if (!migrated) await run("migrate-with-keys", ["db:migrate"], await clerkEnvFor(host, cli)) // to check the rest
  const user = await check(host, "medusa user without Clerk keys exits 0", () => run("user", ["user", "-e", admin.email, "-p", admin.password]))
  if (!user) await run("user-with-keys", ["user", "-e", admin.email, "-p", admin.password], await clerkEnvFor(host, cli))

  await check(host, "medusa start without Clerk keys refuses to serve, naming CLERK_SECRET_KEY", async () => {
    const server = spawnGroup(medusa, ["start"], { cwd: host.dir, env, logFile: logFile("start-keyless") })
    const health = await waitForHttp(`http://localhost:${host.port}/health`, { exited: server.exited, timeoutMs: 120_000 })
    await stopGroup(server.pgid)
    const output = fs.readFileSync(logFile("start-keyless"), "utf8")
    if (health === "ok") throw new CompatError("the server answered /health 200 without any Clerk key")
    if (health !== "exited") throw new CompatError("the server neither served nor exited within 120 s")
    if (!/CLERK_SECRET_KEY/.test(output)) throw new CompatError(`it exited without naming CLERK_SECRET_KEY:\n${tail(logFile("start-keyless"), 15)}`)
  })

  // The README's "Try it in your store": the package's own dev command.
  await check(host, "dev-clerk: the stand-in started with the package's command, env lines in .env", async () => {
    const lines = execFileSync(cli, ["dev-clerk", "env", "--port", String(host.clerkPort)], { cwd: host.dir, env: keyless, encoding: "utf8" })
    if (!/^CLERK_SECRET_KEY=/m.test(lines) || !/^CLERK_JWT_KEY="-----BEGIN PUBLIC KEY-----/m.test(lines)) {
      throw new CompatError(`dev-clerk env printed:\n${lines}`)
    }
    fs.appendFileSync(path.join(host.dir, ".env"), lines)
    if (await probePort("127.0.0.1", host.clerkPort)) throw new CompatError(`port ${host.clerkPort} is taken; set COMPAT_CLERK_PORT`)
    const standIn = spawnGroup(cli, ["dev-clerk", "--port", String(host.clerkPort)], { cwd: host.dir, env: keyless, logFile: logFile("dev-clerk") })
    cleanups.push(() => stopGroup(standIn.pgid))
    const up = await waitForHttp(`http://127.0.0.1:${host.clerkPort}/v1/jwks`, { exited: standIn.exited, timeoutMs: 15_000, status: 401 })
    if (up !== "ok") throw new CompatError(`the stand-in did not come up (${up}):\n${tail(logFile("dev-clerk"))}`)
  })

  const served = await check(host, "medusa start with the keys from .env serves /health", async () => {
    const server = spawnGroup(medusa, ["start"], { cwd: host.dir, env, logFile: logFile("start") })
    cleanups.push(() => stopGroup(server.pgid))
    host.server = server
    const health = await waitForHttp(`http://localhost:${host.port}/health`, { exited: server.exited, timeoutMs: 180_000 })
    if (health !== "ok") throw new CompatError(`medusa start: ${health}\n${tail(logFile("start"))}`)
  })
  if (!served) return

  const mintToken = async (kind) => {
    const args = kind === "business" ? ["--business", "Acme GmbH"] : ["--individual"]
    const out = execFileSync(cli, ["dev-clerk", "token", ...args, "--json"], { cwd: host.dir, env: keyless, encoding: "utf8" })
    return JSON.parse(out).token
  }
  try {
    await walk({
      baseUrl: `http://localhost:${host.port}`,
      admin,
      mintToken,
      step: (name, fn) => check(host, name, fn, { rethrow: true }),
    })
  } catch {
    // recorded by check(); the rest of the walk depends on the failed step
  }
  await stopGroup(host.server.pgid)
}

/** Keys for the fallback runs when a keyless command failed (so later checks still run). */
async function clerkEnvFor(host, cli) {
  const lines = execFileSync(cli, ["dev-clerk", "env", "--port", String(host.clerkPort)], { cwd: host.dir, encoding: "utf8" })
  const env = {}
  for (const line of lines.split("\n")) {
    const m = line.match(/^(CLERK_\w+)=("?)(.*)\2$/)
    if (m) env[m[1]] = m[3].replace(/\\n/g, "\n")
  }
  return env
}

/** Runs and times one check; returns true when it passed. */
async function check(host, name, fn, { rethrow = false } = {}) {
  const t = Date.now()
  try {
    const value = await fn()
    host.checks.push({ name, ok: true, ms: Date.now() - t })
    log(`  PASS  ${name} (${secs(Date.now() - t)})`)
    return rethrow ? value : true
  } catch (error) {
    host.checks.push({ name, ok: false, ms: Date.now() - t, detail: error.message })
    log(`  FAIL  ${name} (${secs(Date.now() - t)})\n        ${error.message.split("\n").slice(0, 12).join("\n        ")}`)
    if (rethrow) throw error
    return false
  }
}

const databaseUrl = (name) =>
  `postgres://${encodeURIComponent(PG.user)}${PG.password ? `:${encodeURIComponent(PG.password)}` : ""}@${PG.host}:${PG.port}/${name}`

async function pgAdmin(fn) {
  const pg = require("pg")
  const client = new pg.Client({ ...PG, database: "postgres" })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * Creates the host's database. A database of that name left by an earlier
 * run of this script (it carries DB_MARKER) is dropped first; any other is
 * left alone and the run stops, naming COMPAT_DB_PREFIX.
 */
async function createDatabase(name) {
  await pgAdmin(async (client) => {
    const ident = client.escapeIdentifier(name)
    const { rows } = await client.query(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
      [name]
    )
    if (rows.length && rows[0].comment !== DB_MARKER) {
      throw new CompatError(`database "${name}" exists and was not made by this check; set COMPAT_DB_PREFIX to use other names`)
    }
    if (rows.length) await client.query(`DROP DATABASE ${ident} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${ident}`)
    await client.query(`COMMENT ON DATABASE ${ident} IS ${client.escapeLiteral(DB_MARKER)}`)
  })
}

async function dropDatabase(name) {
  await pgAdmin(async (client) => {
    const { rows } = await client.query(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
      [name]
    )
    if (rows[0]?.comment === DB_MARKER) await client.query(`DROP DATABASE ${client.escapeIdentifier(name)} WITH (FORCE)`)
  })
}

let cleaningUp
function cleanup() {
  cleaningUp ??= (async () => {
    for (const undo of cleanups.reverse()) {
      try {
        await undo()
      } catch (error) {
        console.error(`[compat] cleanup step failed: ${error.message}`)
      }
    }
    await stopAllGroups()
  })()
  return cleaningUp
}

function report(error) {
  const line = "=".repeat(78)
  const failed = results.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => ({ ...c, version: r.version })))
  const ok = !error && failed.length === 0 && results.length > 0
  console.log(`\n${line}\n  compat ${ok ? "PASSED" : "FAILED"} in ${secs(Date.now() - startedAt)} (peer range @medusajs/framework ${PKG.peerDependencies["@medusajs/framework"]})`)
  for (const r of results) {
    const passed = r.checks.filter((c) => c.ok).length
    console.log(`  Medusa ${r.version}: ${passed}/${r.checks.length} checks passed (${secs(r.checks.reduce((n, c) => n + c.ms, 0))})`)
    for (const c of r.checks.filter((c) => !c.ok)) console.log(`    FAIL ${c.name}: ${c.detail.split("\n")[0]}`)
  }
  if (error) console.log(`  ${error instanceof CompatError ? error.message : error.stack ?? error}`)
  console.log(line)
  return ok
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, async () => {
    log(`${signal}: stopping everything ...`)
    await cleanup()
    process.exit(130)
  })
}

let fatal
try {
  await main()
} catch (error) {
  fatal = error
}
await cleanup()
process.exit(report(fatal) ? 0 : 1)
