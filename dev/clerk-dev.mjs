// Development-only Clerk: persisted keys and demo users for the local Clerk
// stand-in (./clerk-stand-in.js). Shared by the package's
// `medusa-plugin-role-sync dev-clerk` command (bin/) and this repository's
// `npm run dev` / `npm run dev:token` (scripts/). Nothing here talks to
// Clerk's servers, and the plugin never loads it at runtime: it lives outside
// src/ and only commands a developer types import it.
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const standIn = require("./clerk-stand-in.js")

export { standIn }

export const DEFAULT_STAND_IN_PORT = 3901
export const DEFAULT_AUTHORIZED_PARTY = "http://localhost:3000"
// Issuer of dev tokens; Medusa is started with CLERK_ISSUER set to it.
export const DEV_ISSUER = "https://clerk.dev-stand-in.localhost"

/**
 * Company roles the `token --company … --role …` option accepts, mapped to
 * Clerk organization role keys (Clerk's roles carry the `org:` prefix; the
 * session token's `o.rol` claim carries them without it). The plugin maps
 * them back (DESIGN §10 rule 1): Clerk's default `org:admin` is `admin`,
 * its default `org:member` is `buyer`, and any other role (here
 * `org:viewer`) is `member` unless the `organizationRoles` option says so.
 */
export const COMPANY_ROLES = { admin: "org:admin", buyer: "org:member", member: "org:viewer" }

/** The files of one dev Clerk folder: keys, users, organizations and the running stand-in's address. */
export function devClerkPaths(dir) {
  return {
    dir,
    keys: path.join(dir, "keys.json"),
    users: path.join(dir, "users.json"),
    organizations: path.join(dir, "organizations.json"),
    state: path.join(dir, "stand-in.json"),
  }
}

/** Dev tooling generates keys and users that Medusa trusts: never in production. */
export function refuseInProduction(tool) {
  if (process.env.NODE_ENV === "production") {
    console.error(
      `\n${tool} is development tooling (a local Clerk stand-in with generated keys) and refuses to run with NODE_ENV=production.\n` +
        `In production, configure your real Clerk keys (CLERK_SECRET_KEY, CLERK_JWT_KEY, CLERK_AUTHORIZED_PARTIES).\n`
    )
    process.exit(1)
  }
}

export function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch (err) {
    if (err.code === "ENOENT") return undefined
    throw new Error(`Cannot read ${file}: ${err.message}`)
  }
}

/** Writes atomically (tmp + rename), readable by the owner only: the files hold private keys. */
export function writeJson(file, value, mode = 0o600) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2) + "\n", { mode })
  fs.renameSync(tmp, file)
}

/**
 * Loads `<dir>/keys.json`, creating it on first use (unless `create` is
 * false, then returns undefined): an RSA pair (Clerk's jwtKey is the public
 * SPKI PEM), a random `sk_test_` secret key the stand-in requires on every
 * Backend API call, and a Svix-style webhook signing secret.
 */
export function loadOrCreateDevClerk(dir, { create = true } = {}) {
  const paths = devClerkPaths(dir)
  let stored = readJson(paths.keys)
  let created = false
  if (!stored && !create) return undefined
  if (!stored) {
    const pair = standIn.createClerkKeyPair()
    stored = {
      note: "Local Clerk stand-in keys for development only. Never use in production.",
      kid: pair.kid,
      privateKeyPem: pair.privateKeyPem,
      publicKeyPem: pair.publicKeyPem,
      jwk: pair.jwk,
      secretKey: `sk_test_dev_${crypto.randomBytes(24).toString("hex")}`,
      webhookSecret: `whsec_${crypto.randomBytes(24).toString("base64")}`,
      issuer: DEV_ISSUER,
    }
    writeJson(paths.keys, stored)
    created = true
  }
  return {
    created,
    paths,
    secretKey: stored.secretKey,
    webhookSecret: stored.webhookSecret,
    issuer: stored.issuer,
    publicKeyPem: stored.publicKeyPem,
    // The shape clerk-stand-in.js expects for signing and for /v1/jwks.
    keys: {
      kid: stored.kid,
      jwk: stored.jwk,
      privateKey: crypto.createPrivateKey(stored.privateKeyPem),
      publicKeyPem: stored.publicKeyPem,
    },
  }
}

/**
 * Starts the stand-in on 127.0.0.1:port with users, organizations and
 * memberships loaded from and saved to `<dir>/users.json` and
 * `<dir>/organizations.json`, so demo users and their companies survive a
 * restart.
 */
export async function startDevStandIn({ devClerk, port = DEFAULT_STAND_IN_PORT }) {
  const saved = readJson(devClerk.paths.users) ?? []
  const savedOrgs = readJson(devClerk.paths.organizations) ?? { organizations: [], memberships: [] }
  const server = await standIn.startClerkStandIn({
    keys: devClerk.keys,
    secretKey: devClerk.secretKey,
    port,
    onChange: (users, { organizations, memberships } = {}) => {
      writeJson(devClerk.paths.users, [...users.values()])
      if (organizations) {
        writeJson(devClerk.paths.organizations, {
          organizations: [...organizations.values()],
          memberships: [...memberships.values()],
        })
      }
    },
  })
  for (const user of saved) server.putUser(user)
  for (const org of savedOrgs.organizations ?? []) server.organizations.set(org.id, org)
  for (const m of savedOrgs.memberships ?? []) server.memberships.set(m.id, m)
  return { server, userCount: saved.length, organizationCount: server.organizations.size }
}

/**
 * The CLERK_* variables a Medusa app needs to trust the stand-in, as
 * `[name, value]` pairs. `apiUrl` is the stand-in's address.
 */
export function devClerkEnv(devClerk, { apiUrl, authorizedParties = DEFAULT_AUTHORIZED_PARTY }) {
  return [
    ["CLERK_SECRET_KEY", devClerk.secretKey],
    ["CLERK_JWT_KEY", devClerk.publicKeyPem.trim()],
    ["CLERK_API_URL", apiUrl],
    ["CLERK_AUTHORIZED_PARTIES", authorizedParties],
    ["CLERK_ISSUER", devClerk.issuer],
    ["CLERK_WEBHOOK_SIGNING_SECRET", devClerk.webhookSecret],
  ]
}

/**
 * Formats env pairs as `.env` lines. Multi-line values (the PEM) become one
 * double-quoted line with `\n`, which dotenv (Medusa's loadEnv) expands
 * back into newlines, and which the plugin accepts as is too.
 */
export function formatEnvLines(pairs) {
  return pairs.map(([name, value]) =>
    /[\n"'#\s]/.test(value) ? `${name}="${value.replace(/\n/g, "\\n")}"` : `${name}=${value}`
  )
}

/** A Clerk-shaped RS256 session token signed with the persisted dev key. */
export function signDevSessionToken(devClerk, claims) {
  return standIn.signSessionToken(devClerk.keys, { iss: devClerk.issuer, ...claims })
}

/**
 * Turns command-line choices into a demo user description, or throws an
 * Error whose message says what is wrong.
 *   { individual: true } | { business: "Acme GmbH", taxId? } |
 *   { company: "Acme GmbH", role: "admin" | "buyer" | "member" }
 * plus optional email, firstName, lastName.
 * Returns { accountType, company, taxId, email, firstName, lastName, membership? }
 * where membership is { organization, role } (a Clerk role key) for company members.
 */
export function demoUserSpec({ individual, business, taxId, company, role, email, firstName, lastName }) {
  const kinds = [individual ? "--individual" : null, business ? "--business" : null, company ? "--company" : null].filter(Boolean)
  if (kinds.length !== 1) {
    throw new Error(`pass exactly one of --individual, --business "<company>" or --company "<company>" --role ${Object.keys(COMPANY_ROLES).join("|")} (got ${kinds.join(", ") || "none"})`)
  }
  if (taxId && !business) throw new Error("--tax-id only applies to --business")
  if (role && !company) throw new Error("--role only applies to --company")
  let membership
  if (company) {
    if (!role) throw new Error(`--company needs --role (${roleList()})`)
    if (!COMPANY_ROLES[role]) throw new Error(`--role must be ${roleList()}, not "${role}"`)
    membership = { organization: company.trim(), role: COMPANY_ROLES[role] }
  }
  const companyName = (business ?? company)?.trim() || undefined
  if ((business !== undefined || company !== undefined) && !companyName) throw new Error("the company name must not be empty")
  const accountType = individual ? "individual" : "business"
  const local = company ? `${role}.${slug(companyName)}` : companyName ? slug(companyName) : "individual"
  return {
    accountType,
    company: companyName ?? null,
    taxId: taxId ?? null,
    email: (email ?? `${local}@example.test`).toLowerCase(),
    firstName: firstName ?? (companyName ? "Demo" : "Jane"),
    lastName: lastName ?? (companyName ? (company ? capitalize(role) : "Buyer") : "Doe"),
    membership,
  }
}

/** A small client for the stand-in's Backend API (Bearer secret key, JSON). */
export function standInClient({ url, secretKey }) {
  return async function call(method, urlPath, body) {
    let res
    try {
      res = await fetch(`${url}${urlPath}`, {
        method,
        headers: { authorization: `Bearer ${secretKey}`, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(5000),
      })
    } catch (err) {
      const error = new Error(`the Clerk stand-in at ${url} did not answer (${err.cause?.code ?? err.message})`)
      error.unreachable = true
      throw error
    }
    const json = await res.json().catch(() => undefined)
    return { status: res.status, ok: res.ok, json }
  }
}

/**
 * Creates the demo user in the stand-in, or reuses the one with its email
 * (its unsafe_metadata is then replaced by the spec's). Company members are
 * also added to the Clerk organization of that name (created when missing).
 * Returns { user, created, organization? } in the Backend API's shapes.
 */
export async function ensureDemoUser(call, spec) {
  // null clears what an earlier run left on a reused user (Clerk merges metadata).
  const unsafe_metadata =
    spec.accountType === "business"
      ? { accountType: "business", company: spec.company, tax_id: spec.taxId }
      : { accountType: "individual", company: null, tax_id: null }
  const expect = (res, what) => {
    if (!res.ok) throw new Error(`Clerk stand-in: ${what} answered ${res.status}: ${JSON.stringify(res.json)}`)
    return res.json
  }

  const list = expect(await call("GET", `/v1/users?email_address=${encodeURIComponent(spec.email)}`), "GET /v1/users")
  let user
  let created = false
  if (list[0]) {
    user = expect(await call("PATCH", `/v1/users/${list[0].id}/metadata`, { unsafe_metadata }), "PATCH /v1/users/:id/metadata")
  } else {
    user = expect(
      await call("POST", "/v1/users", {
        email_address: [spec.email],
        first_name: spec.firstName,
        last_name: spec.lastName,
        unsafe_metadata,
      }),
      "POST /v1/users"
    )
    created = true
  }
  if (!spec.membership) return { user, created }
  const organization = await ensureMembership(call, user, spec.membership, expect)
  return { user, created, organization }
}

/**
 * Clerk organizations, through the Backend API's documented routes
 * (GET/POST /v1/organizations, POST /v1/organizations/{id}/memberships).
 * Until the stand-in serves them it answers 404 "No route", and the command
 * says that company members are not available yet.
 */
async function ensureMembership(call, user, { organization: name, role }, expect) {
  const found = await call("GET", `/v1/organizations?query=${encodeURIComponent(name)}&limit=100`)
  if (found.status === 404) {
    throw new Error(
      `company members need Clerk organizations, which this version of the Clerk stand-in does not serve yet (GET /v1/organizations answered 404). Use --business "${name}" for now.`
    )
  }
  const orgs = expect(found, "GET /v1/organizations")
  let organization = (orgs.data ?? orgs).find?.((o) => o.name === name)
  if (!organization) {
    organization = expect(await call("POST", "/v1/organizations", { name, slug: slug(name), created_by: user.id }), "POST /v1/organizations")
  }
  const membership = await call("POST", `/v1/organizations/${organization.id}/memberships`, { user_id: user.id, role })
  // 422 "already a member": keep the membership, update its role.
  if (membership.status === 422 || membership.status === 409) {
    expect(await call("PATCH", `/v1/organizations/${organization.id}/memberships/${user.id}`, { role }), "PATCH membership")
  } else {
    expect(membership, "POST /v1/organizations/:id/memberships")
  }
  return { id: organization.id, slug: organization.slug ?? slug(name), name, role }
}

/**
 * Signs a session token for a demo user, as Clerk's getToken() would return
 * it in a browser on `azp`. Company members carry their active organization
 * in the v2 `o` claim ({ id, slg, rol } with the role without "org:").
 * `ttlSeconds` defaults to 10 minutes. Returns { token, expiresAt (Date) }.
 */
export function mintDemoToken(devClerk, { userId, azp, organization, ttlSeconds = 600 }) {
  const now = Math.floor(Date.now() / 1000)
  const claims = { sub: userId, azp, iat: now - 1, nbf: now - 1, exp: now + ttlSeconds }
  if (organization) {
    claims.o = { id: organization.id, slg: organization.slug, rol: organization.role.replace(/^org:/, "") }
  }
  return { token: signDevSessionToken(devClerk, claims), expiresAt: new Date((now + ttlSeconds) * 1000) }
}

export function slug(text) {
  return text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "business"
}

const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1)

// "admin, buyer or member"
const roleList = () => {
  const roles = Object.keys(COMPANY_ROLES)
  return `${roles.slice(0, -1).join(", ")} or ${roles[roles.length - 1]}`
}
