/**
 * The package's development command, run the way a store runs it
 * (`npx medusa-plugin-role-sync dev-clerk …`): as a child process in a
 * scratch folder standing in for the host app. Checks what a store relies on:
 * the printed .env lines, the stand-in's Backend API serving the minted
 * user, tokens that verify against the printed key (with the issuer and
 * authorized party Medusa will check), persistence across restarts, the
 * refusal in production, and that the plugin's runtime code never imports it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { importSPKI, jwtVerify } from "jose"

const ROOT = path.resolve(__dirname, "..", "..")
const BIN = path.join(ROOT, "bin", "medusa-plugin-role-sync.mjs")

jest.setTimeout(60_000)

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** Runs the command to completion in `cwd`. */
function run(cwd: string, args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NODE_ENV: "development", ...env },
    encoding: "utf8",
    timeout: 30_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Parses `NAME=value` / `NAME="a\nb"` lines the way dotenv does for these values. */
function parseEnvLines(text: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const line of text.split("\n")) {
    const match = line.match(/^([A-Z_]+)=(?:"(.*)"|(.*))$/)
    if (match) env[match[1]] = match[2] !== undefined ? match[2].replace(/\\n/g, "\n") : match[3]
  }
  return env
}

/** Starts `dev-clerk` (long-running) and resolves once it says it listens. */
async function startStandIn(cwd: string, port: number) {
  const child = spawn(process.execPath, [BIN, "dev-clerk", "--port", String(port)], {
    cwd,
    env: { ...process.env, NODE_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let stdout = ""
  child.stdout!.on("data", (chunk) => (stdout += chunk))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev-clerk did not start:\n${stdout}`)), 15_000)
    child.once("exit", (code) => reject(new Error(`dev-clerk exited with ${code}:\n${stdout}`)))
    child.stdout!.on("data", () => {
      if (/Stop with Ctrl\+C/.test(stdout)) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
  return { child, output: () => stdout }
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once("exit", (code) => resolve(code))
    child.kill("SIGTERM")
  })
}

describe("npx medusa-plugin-role-sync dev-clerk", () => {
  let hostDir: string
  let port: number
  let standIn: Awaited<ReturnType<typeof startStandIn>> | undefined

  beforeEach(async () => {
    hostDir = fs.mkdtempSync(path.join(os.tmpdir(), "role-sync-dev-clerk-"))
    fs.writeFileSync(path.join(hostDir, ".gitignore"), "node_modules/\n")
    port = await freePort()
  })

  afterEach(async () => {
    if (standIn) await stop(standIn.child)
    standIn = undefined
    fs.rmSync(hostDir, { recursive: true, force: true })
  })

  it("prints the .env lines, serves minted users and mints tokens that verify against the printed key", async () => {
    const printed = run(hostDir, ["dev-clerk", "env", "--port", String(port)])
    expect(printed.code).toBe(0)
    const env = parseEnvLines(printed.stdout)
    expect(env.CLERK_SECRET_KEY).toMatch(/^sk_test_dev_[0-9a-f]{48}$/)
    expect(env.CLERK_JWT_KEY).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----$/)
    expect(env.CLERK_API_URL).toBe(`http://127.0.0.1:${port}`)
    expect(env.CLERK_AUTHORIZED_PARTIES).toBe("http://localhost:3000")
    expect(env.CLERK_ISSUER).toMatch(/^https:\/\//)
    expect(env.CLERK_WEBHOOK_SIGNING_SECRET).toMatch(/^whsec_/)
    // Keys live in the host's folder, private to its owner.
    const keysFile = path.join(hostDir, ".role-sync-dev", "keys.json")
    expect(fs.statSync(keysFile).mode & 0o077).toBe(0)

    standIn = await startStandIn(hostDir, port)
    // The running command prints the same lines (the keys are persisted) and
    // tells the user to keep the folder out of git.
    expect(parseEnvLines(standIn.output())).toEqual(env)
    expect(standIn.output()).toMatch(/\.role-sync-dev\/ to your \.gitignore/)

    const minted = run(hostDir, ["dev-clerk", "token", "--business", "Acme GmbH", "--tax-id", "DE 123", "--json"])
    expect(minted.code).toBe(0)
    const business = JSON.parse(minted.stdout)
    expect(business).toMatchObject({ account_type: "business", company: "Acme GmbH", created: true, azp: "http://localhost:3000" })

    // The stand-in answers the Backend API call the plugin makes at sync.
    const res = await fetch(`${env.CLERK_API_URL}/v1/users/${business.user_id}`, {
      headers: { authorization: `Bearer ${env.CLERK_SECRET_KEY}` },
    })
    expect(res.status).toBe(200)
    const user = await res.json()
    expect(user.id).toBe(business.user_id)
    expect(user.email_addresses[0]).toMatchObject({ email_address: business.email, verification: { status: "verified" } })
    expect(user.unsafe_metadata).toEqual({ accountType: "business", company: "Acme GmbH", tax_id: "DE 123" })
    // ...and only with the printed secret key.
    const wrongKey = await fetch(`${env.CLERK_API_URL}/v1/users/${business.user_id}`, { headers: { authorization: "Bearer sk_test_other" } })
    expect(wrongKey.status).toBe(401)

    // The token verifies against the printed public key, with the issuer and
    // authorized party Medusa is configured with.
    const key = await importSPKI(env.CLERK_JWT_KEY, "RS256")
    const { payload } = await jwtVerify(business.token, key, { issuer: env.CLERK_ISSUER, algorithms: ["RS256"] })
    expect(payload).toMatchObject({ sub: business.user_id, azp: env.CLERK_AUTHORIZED_PARTIES })
    expect((payload.exp as number) - Math.floor(Date.now() / 1000)).toBeGreaterThan(9 * 60)

    // Without --json: only the token on stdout, for TOKEN=$(...).
    const bare = run(hostDir, ["token", "--individual"])
    expect(bare.code).toBe(0)
    expect(bare.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    const individual = (await jwtVerify(bare.stdout.trim(), key, { issuer: env.CLERK_ISSUER })).payload
    const listed = await fetch(`${env.CLERK_API_URL}/v1/users?email_address=individual@example.test`, {
      headers: { authorization: `Bearer ${env.CLERK_SECRET_KEY}` },
    })
    const [individualUser] = await listed.json()
    expect(individualUser.id).toBe(individual.sub)
    expect(individualUser.unsafe_metadata).toMatchObject({ accountType: "individual" })
  })

  it("keeps demo users across restarts and reuses them by email", async () => {
    standIn = await startStandIn(hostDir, port)
    const first = JSON.parse(run(hostDir, ["token", "--business", "Acme GmbH", "--json"]).stdout)
    expect(await stop(standIn.child)).toBe(0)
    // A clean stop removes the running marker: token now says to start it.
    const stopped = run(hostDir, ["token", "--individual"])
    expect(stopped.code).toBe(2)
    expect(stopped.stderr).toMatch(/no running Clerk stand-in.*dev-clerk/)

    standIn = await startStandIn(hostDir, port)
    expect(standIn.output()).toMatch(/1 saved demo user/)
    const again = JSON.parse(run(hostDir, ["token", "--business", "Acme GmbH", "--json"]).stdout)
    expect(again).toMatchObject({ user_id: first.user_id, created: false })
  })

  it("company members join one shared organization of the stand-in and carry Clerk's active-organization claim", async () => {
    standIn = await startStandIn(hostDir, port)
    const env = parseEnvLines(standIn.output())
    const key = await importSPKI(env.CLERK_JWT_KEY, "RS256")
    const mint = async (role: string) => {
      const member = run(hostDir, ["token", "--company", "Acme GmbH", "--role", role, "--json"])
      expect(member.code).toBe(0)
      const minted = JSON.parse(member.stdout)
      const { payload } = await jwtVerify(minted.token, key, { issuer: env.CLERK_ISSUER })
      return { minted, payload }
    }
    // buyer is Clerk's default org:member (the plugin maps it to buyer);
    // the claim carries Clerk's role key without "org:".
    const buyer = await mint("buyer")
    expect(buyer.minted.organization).toMatchObject({ name: "Acme GmbH", role: "org:member" })
    expect(buyer.payload.o).toMatchObject({ id: buyer.minted.organization.id, rol: "member" })
    const admin = await mint("admin")
    expect(admin.minted.organization).toMatchObject({ id: buyer.minted.organization.id, role: "org:admin" })
    expect(admin.payload.o).toMatchObject({ rol: "admin" })
    // The stand-in's Backend API lists both as members of that organization.
    const memberships = await fetch(`${env.CLERK_API_URL}/v1/organizations/${buyer.minted.organization.id}/memberships`, {
      headers: { authorization: `Bearer ${env.CLERK_SECRET_KEY}` },
    }).then((r) => r.json())
    expect(memberships.data.map((m: any) => [m.public_user_data.user_id, m.role]).sort()).toEqual(
      [[buyer.minted.user_id, "org:member"], [admin.minted.user_id, "org:admin"]].sort()
    )
    // Bad combinations are refused before anything is created.
    expect(run(hostDir, ["token", "--company", "Acme GmbH"]).stderr).toMatch(/--company needs --role/)
    expect(run(hostDir, ["token", "--company", "Acme GmbH", "--role", "owner"]).stderr).toMatch(/--role must be admin, buyer or member/)
    expect(run(hostDir, ["token", "--business", "A", "--individual"]).code).toBe(2)
  })

  it("refuses to run with NODE_ENV=production, creating nothing", () => {
    for (const args of [["dev-clerk"], ["dev-clerk", "env"], ["dev-clerk", "token", "--individual"], ["token", "--individual"]]) {
      const result = run(hostDir, args, { NODE_ENV: "production" })
      expect(result.code).not.toBe(0)
      expect(result.stderr).toMatch(/refuses to run with NODE_ENV=production/)
    }
    expect(fs.existsSync(path.join(hostDir, ".role-sync-dev"))).toBe(false)
  })

  it("is never loaded by the plugin at runtime: nothing in src/ (tests aside) imports bin/ or dev/", () => {
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name)
        if (entry.isDirectory()) {
          if (entry.name !== "__tests__") walk(file)
        }
        else if (/\.(ts|tsx|js|mjs)$/.test(entry.name)) {
          const text = fs.readFileSync(file, "utf8")
          if (/(from|require\(|import\()\s*["'][^"']*\/(dev|bin)\/[^"']*["']/.test(text) || /clerk-(stand-in|dev)/.test(text)) {
            offenders.push(path.relative(ROOT, file))
          }
        }
      }
    }
    walk(path.join(ROOT, "src"))
    expect(offenders).toEqual([])
  })
})
