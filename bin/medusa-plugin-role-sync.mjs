#!/usr/bin/env node
// `npx medusa-plugin-role-sync dev-clerk`: try the plugin in your own Medusa
// app without a Clerk account. Starts the local Clerk stand-in (the one the
// plugin's own tests use), prints the CLERK_* lines for the app's .env, and
// mints session tokens for demo users. Development only: refuses to run with
// NODE_ENV=production, and the plugin never loads this at runtime.
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { parseArgs } from "node:util"
import {
  COMPANY_ROLES,
  DEFAULT_AUTHORIZED_PARTY,
  DEFAULT_STAND_IN_PORT,
  demoUserSpec,
  devClerkEnv,
  devClerkPaths,
  ensureDemoUser,
  formatEnvLines,
  loadOrCreateDevClerk,
  mintDemoToken,
  readJson,
  refuseInProduction,
  standInClient,
  startDevStandIn,
  writeJson,
} from "../dev/clerk-dev.mjs"

const BIN = "npx medusa-plugin-role-sync"
const DEFAULT_DIR = ".role-sync-dev"

const USAGE = `Usage: ${BIN} <command> [options]

Development only: a local stand-in for Clerk so you can try the plugin in your
Medusa app without a Clerk account. Never use its keys in production.

Commands:
  dev-clerk [start]   start the Clerk stand-in and print the .env lines (Ctrl+C stops it)
  dev-clerk env       print only the .env lines (e.g. ${BIN} dev-clerk env >> .env)
  dev-clerk token     mint a session token for a demo user (needs a running stand-in)
  token               same as "dev-clerk token"

Options of start and env:
  --port <n>                    stand-in port on 127.0.0.1 (default ${DEFAULT_STAND_IN_PORT}, env CLERK_STAND_IN_PORT)
  --authorized-parties <list>   storefront origin(s) tokens are minted for (default ${DEFAULT_AUTHORIZED_PARTY})
  --dir <path>                  where keys and users are kept (default ${DEFAULT_DIR}/ in the current folder)

Options of token (exactly one of the first three):
  --individual                  an individual customer
  --business <company>          a business customer (unverified until an admin verifies it)
  --company <company> --role <${Object.keys(COMPANY_ROLES).join("|")}>
                                a member of a company (Clerk organization); needs a stand-in serving organizations
  --tax-id <id>                 the business's tax ID (with --business)
  --email <address>             the demo user's email (default derived from the company name)
  --first-name <name>, --last-name <name>
  --ttl <minutes>               token lifetime (default 10, at most 1440)
  --json                        print { token, user_id, email, created, expires_at, ... } instead of the bare token
  --dir <path>                  as above

Examples:
  ${BIN} dev-clerk
  TOKEN=$(${BIN} dev-clerk token --business "Acme GmbH")
  ${BIN} dev-clerk token --individual --json
`

class UsageError extends Error {}

const commonOptions = {
  dir: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
}
const serverOptions = {
  ...commonOptions,
  port: { type: "string" },
  "authorized-parties": { type: "string" },
}
const tokenOptions = {
  ...commonOptions,
  individual: { type: "boolean", default: false },
  business: { type: "string" },
  company: { type: "string" },
  role: { type: "string" },
  "tax-id": { type: "string" },
  email: { type: "string" },
  "first-name": { type: "string" },
  "last-name": { type: "string" },
  ttl: { type: "string", default: "10" },
  json: { type: "boolean", default: false },
}

async function main(argv) {
  let [command, sub, ...rest] = argv
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE)
    return 0
  }
  if (command === "token") {
    rest = sub === undefined ? [] : [sub, ...rest]
    sub = "token"
  } else if (command !== "dev-clerk") {
    throw new UsageError(`unknown command "${command}"`)
  } else if (sub === undefined || sub.startsWith("-")) {
    rest = sub === undefined ? [] : [sub, ...rest]
    sub = "start"
  }
  refuseInProduction(`${BIN} ${command}`)

  if (sub === "start" || sub === "env") {
    const args = parse(rest, serverOptions)
    if (args.help) return (console.log(USAGE), 0)
    const port = portOf(args.port ?? process.env.CLERK_STAND_IN_PORT ?? String(DEFAULT_STAND_IN_PORT))
    const dir = path.resolve(args.dir ?? DEFAULT_DIR)
    const authorizedParties = args["authorized-parties"] ?? DEFAULT_AUTHORIZED_PARTY
    return sub === "start" ? start({ port, dir, authorizedParties }) : printEnv({ port, dir, authorizedParties })
  }
  if (sub === "token") {
    const args = parse(rest, tokenOptions)
    if (args.help) return (console.log(USAGE), 0)
    return token(args)
  }
  throw new UsageError(`unknown dev-clerk command "${sub}"`)
}

function parse(args, options) {
  try {
    return parseArgs({ args, options, allowPositionals: false }).values
  } catch (err) {
    throw new UsageError(err.message)
  }
}

function portOf(value) {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a TCP port, not "${value}"`)
  return port
}

async function start({ port, dir, authorizedParties }) {
  const paths = devClerkPaths(dir)
  const running = runningStandIn(paths)
  if (running) {
    throw new UsageError(`a stand-in from ${rel(dir)} is already running (pid ${running.pid}, ${running.url}). Stop it first, or use another --dir.`)
  }
  if (await portAnswers(port)) {
    throw new UsageError(`port ${port} is already in use; pick another with --port <n> (and use the same in CLERK_API_URL).`)
  }
  const devClerk = loadOrCreateDevClerk(dir)
  const { server, userCount } = await startDevStandIn({ devClerk, port })
  writeJson(paths.state, {
    note: "Written by medusa-plugin-role-sync dev-clerk while it runs; removed when it stops.",
    pid: process.pid,
    url: server.url,
    authorizedParties: authorizedParties.split(",").map((s) => s.trim()).filter(Boolean),
    startedAt: new Date().toISOString(),
  })

  const lines = formatEnvLines(devClerkEnv(devClerk, { apiUrl: server.url, authorizedParties }))
  const out = [
    "",
    `Local Clerk stand-in (development only) listening on ${server.url}`,
    `${devClerk.created ? "Generated dev keys" : "Using the dev keys"} in ${rel(dir)}/ (${userCount} saved demo user(s)).`,
    `Add ${rel(dir)}/ to your .gitignore: it holds a private signing key.${gitignoreHint(dir)}`,
    "",
    `Put these lines in your Medusa app's .env (or run: ${BIN} dev-clerk env >> .env), then restart Medusa:`,
    "",
    ...lines,
    "",
    "Mint a session token for a demo user (in another terminal, same folder):",
    `  ${BIN} dev-clerk token --business "Acme GmbH"`,
    `  ${BIN} dev-clerk token --individual`,
    "and exchange it for a Medusa token: POST /auth/customer/clerk { \"token\": \"<it>\" }.",
    "",
    "!!! Medusa trusts tokens signed with this dev key. Never copy these keys to a deployed environment. !!!",
    "Stop with Ctrl+C.",
    "",
  ]
  console.log(out.join("\n"))

  await new Promise((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.once(signal, resolve)
  })
  await server.close()
  if (readJson(paths.state)?.pid === process.pid) fs.rmSync(paths.state, { force: true })
  console.error("Clerk stand-in stopped.")
  return 0
}

function printEnv({ port, dir, authorizedParties }) {
  const devClerk = loadOrCreateDevClerk(dir)
  const running = runningStandIn(devClerkPaths(dir))
  const apiUrl = running?.url ?? `http://127.0.0.1:${port}`
  console.log(`# Local Clerk stand-in (${BIN} dev-clerk): development only, never in production`)
  console.log(formatEnvLines(devClerkEnv(devClerk, { apiUrl, authorizedParties })).join("\n"))
  if (devClerk.created) console.error(`Generated dev keys in ${rel(dir)}/ (add it to your .gitignore).`)
  return 0
}

async function token(args) {
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
    throw new UsageError(err.message)
  }
  const ttlMinutes = Number(args.ttl)
  if (!(ttlMinutes > 0 && ttlMinutes <= 24 * 60)) throw new UsageError("--ttl must be a number of minutes between 1 and 1440")

  const dir = path.resolve(args.dir ?? DEFAULT_DIR)
  const startFirst = `start the stand-in first: ${BIN} dev-clerk (in this folder, in another terminal)`
  const devClerk = loadOrCreateDevClerk(dir, { create: false })
  if (!devClerk) throw new UsageError(`no dev keys in ${rel(dir)}/: ${startFirst}`)
  const running = runningStandIn(devClerk.paths)
  if (!running) throw new UsageError(`no running Clerk stand-in for ${rel(dir)}/: ${startFirst}`)

  const call = standInClient({ url: running.url, secretKey: devClerk.secretKey })
  let result
  try {
    result = await ensureDemoUser(call, spec)
  } catch (err) {
    throw new UsageError(err.unreachable ? `${err.message}: ${startFirst}` : err.message)
  }
  const { user, created, organization } = result
  const azp = running.authorizedParties?.[0] ?? DEFAULT_AUTHORIZED_PARTY
  const { token, expiresAt } = mintDemoToken(devClerk, { userId: user.id, azp, organization, ttlSeconds: ttlMinutes * 60 })

  if (args.json) {
    console.log(
      JSON.stringify(
        {
          token,
          user_id: user.id,
          email: spec.email,
          account_type: spec.accountType,
          company: spec.company,
          organization: organization ?? null,
          created,
          azp,
          expires_at: expiresAt.toISOString(),
        },
        null,
        2
      )
    )
  } else {
    console.error(
      `${created ? "Created" : "Reusing"} demo user ${user.id} <${spec.email}> (${spec.accountType}${spec.company ? `, ${spec.company}` : ""}); ` +
        `token for ${azp}, expires ${expiresAt.toISOString()}. Exchange it with POST /auth/customer/clerk { "token": … }.`
    )
    console.log(token)
  }
  return 0
}

/** The stand-in recorded in <dir>/stand-in.json when its process is still alive. */
function runningStandIn(paths) {
  const state = readJson(paths.state)
  if (!state?.pid) return undefined
  try {
    process.kill(state.pid, 0)
  } catch (err) {
    if (err.code !== "EPERM") return undefined
  }
  return state
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    const done = (ok) => (socket.destroy(), resolve(ok))
    socket.setTimeout(1000, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })
}

function gitignoreHint(dir) {
  const gitignore = path.join(process.cwd(), ".gitignore")
  if (!fs.existsSync(gitignore)) return ""
  const name = path.relative(process.cwd(), dir)
  const listed = fs.readFileSync(gitignore, "utf8").split("\n").some((l) => l.trim().replace(/^\/|\/$/g, "") === name)
  return listed ? "" : `\n(It is not in ${rel(gitignore)} yet: echo "${name}/" >> .gitignore)`
}

const rel = (file) => path.relative(process.cwd(), file) || "."

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError) {
      console.error(`\nmedusa-plugin-role-sync: ${err.message}\n\nRun "${BIN} help" for usage.\n`)
      process.exit(2)
    }
    console.error(err.stack ?? err)
    process.exit(1)
  }
)
