// A stand-in for Clerk's Backend API and session tokens, for tests and for
// trying the plugin without a Clerk account (`npm run dev`, the package's
// `medusa-plugin-role-sync dev-clerk` command). CommonJS so jest and .mjs
// scripts share it. Listens on 127.0.0.1 only; never loaded by the plugin at
// runtime and refused in production by the commands that start it.
"use strict"

const crypto = require("node:crypto")
const http = require("node:http")

const b64url = (value) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url")

/** A fresh 2048-bit RSA pair; Clerk's `jwtKey` is the SPKI PEM. */
function createClerkKeyPair() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 })
  const jwk = publicKey.export({ format: "jwk" })
  const kid = `ins_${crypto.randomBytes(8).toString("hex")}`
  return {
    privateKey,
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }),
    kid,
    jwk: { ...jwk, kid, alg: "RS256", use: "sig" },
  }
}

/**
 * Signs a Clerk-shaped session token. `claims` override the defaults (pass
 * `undefined` to drop one); `header` overrides the JOSE header.
 */
function signSessionToken(keys, claims = {}, { header = {}, algorithm = "RS256", secret } = {}) {
  const now = Math.floor(Date.now() / 1000)
  const payload = {
    sub: "user_test",
    sid: `sess_${crypto.randomBytes(6).toString("hex")}`,
    azp: "http://localhost:3000",
    iss: "https://clerk.example.test",
    iat: now - 1,
    nbf: now - 1,
    exp: now + 60,
    v: 2,
    sts: "active",
    ...claims,
  }
  for (const key of Object.keys(payload)) {
    if (payload[key] === undefined) delete payload[key]
  }
  const head = { alg: algorithm, kid: keys.kid, typ: "JWT", ...header }
  const signingInput = `${b64url(head)}.${b64url(payload)}`
  let signature
  if (algorithm === "RS256") {
    signature = crypto.sign("sha256", Buffer.from(signingInput), keys.privateKey)
  } else if (algorithm === "HS256") {
    signature = crypto.createHmac("sha256", secret ?? "secret").update(signingInput).digest()
  } else {
    signature = Buffer.alloc(0)
  }
  return `${signingInput}.${signature.toString("base64url")}`
}

/** A user in the Backend API's snake_case shape, as `@clerk/backend` parses it. */
function buildClerkUser({
  id = `user_${crypto.randomBytes(8).toString("hex")}`,
  email = `${id}@example.test`,
  emailVerified = true,
  firstName = "Test",
  lastName = "User",
  unsafeMetadata = {},
  publicMetadata = {},
  updatedAt = Date.now(),
} = {}) {
  const emailId = `idn_${crypto.randomBytes(6).toString("hex")}`
  return {
    object: "user",
    id,
    first_name: firstName,
    last_name: lastName,
    username: null,
    image_url: "",
    has_image: false,
    primary_email_address_id: email ? emailId : null,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password_enabled: false,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    email_addresses: email
      ? [
          {
            object: "email_address",
            id: emailId,
            email_address: email,
            linked_to: [],
            verification: emailVerified
              ? { object: "verification", status: "verified", strategy: "email_code", attempts: 1, expire_at: null }
              : { object: "verification", status: "unverified", strategy: "email_code", attempts: 0, expire_at: null },
          },
        ]
      : [],
    phone_numbers: [],
    web3_wallets: [],
    external_accounts: [],
    saml_accounts: [],
    public_metadata: publicMetadata,
    private_metadata: {},
    unsafe_metadata: unsafeMetadata,
    external_id: null,
    last_sign_in_at: null,
    banned: false,
    locked: false,
    created_at: updatedAt,
    updated_at: updatedAt,
    last_active_at: null,
  }
}

/**
 * An organization in the Backend API's snake_case shape (`OrganizationJSON`
 * of @clerk/backend, https://clerk.com/docs/reference/backend-api/tag/Organizations#operation/GetOrganization).
 */
function buildClerkOrganization({
  id = `org_${crypto.randomBytes(8).toString("hex")}`,
  name = "Test Organization",
  slug,
  createdBy = null,
  createdAt = Date.now(),
  updatedAt = createdAt,
} = {}) {
  return {
    object: "organization",
    id,
    name,
    slug: slug ?? (name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || id),
    image_url: "",
    has_image: false,
    members_count: 0,
    pending_invitations_count: 0,
    max_allowed_memberships: 0,
    admin_delete_enabled: true,
    public_metadata: {},
    private_metadata: {},
    created_by: createdBy,
    created_at: createdAt,
    updated_at: updatedAt,
  }
}

/**
 * A membership in the Backend API's shape (`OrganizationMembershipJSON`:
 * the organization nested, the member in `public_user_data`), as
 * `GET /v1/users/{id}/organization_memberships` lists it and as
 * `organizationMembership.*` webhooks carry it
 * (https://clerk.com/docs/reference/backend-api/tag/Users#operation/UsersGetOrganizationMemberships).
 */
function buildClerkMembership({
  id = `orgmem_${crypto.randomBytes(8).toString("hex")}`,
  organization,
  user,
  role = "org:member",
  createdAt = Date.now(),
  updatedAt = createdAt,
}) {
  const email = (user.email_addresses ?? []).find((e) => e.id === user.primary_email_address_id)
  return {
    object: "organization_membership",
    id,
    role,
    role_name: role === "org:admin" ? "Admin" : role === "org:member" ? "Member" : role,
    permissions: [],
    public_metadata: {},
    private_metadata: {},
    organization: { ...organization },
    public_user_data: {
      identifier: email?.email_address ?? user.id,
      first_name: user.first_name ?? null,
      last_name: user.last_name ?? null,
      image_url: "",
      has_image: false,
      user_id: user.id,
    },
    created_at: createdAt,
    updated_at: updatedAt,
  }
}

/**
 * Starts the Backend API stand-in. `mode`: "ok", "error" (HTTP 500),
 * "hang" (never answers) or "slow" (answers after `slowMs`).
 * `onChange(users, { organizations, memberships })` (optional) runs after
 * every write through the HTTP API; the dev tooling uses it to persist users
 * and organizations between restarts.
 */
async function startClerkStandIn({ keys, secretKey = "sk_test_stand_in", port = 0, slowMs = 2000, onChange } = {}) {
  const users = new Map()
  // Organizations by id; memberships by id, stored flat ({ id, organization_id,
  // user_id, role, created_at, updated_at }) and rendered with the current
  // organization and user, as Clerk does.
  const organizations = new Map()
  const memberships = new Map()
  const changed = () => {
    if (onChange) onChange(users, { organizations, memberships })
  }
  const renderMembership = (m) =>
    buildClerkMembership({
      id: m.id,
      organization: { ...organizations.get(m.organization_id), members_count: membersOf(m.organization_id).length },
      user: users.get(m.user_id) ?? { id: m.user_id },
      role: m.role,
      createdAt: m.created_at,
      updatedAt: m.updated_at,
    })
  const membersOf = (orgId) => [...memberships.values()].filter((m) => m.organization_id === orgId)
  // Clerk lists newest first (`-created_at`) and pages with limit (1-500) and offset.
  const page = (res, url, items) => {
    const limit = Number(url.searchParams.get("limit") ?? 10)
    const offset = Number(url.searchParams.get("offset") ?? 0)
    if (!Number.isInteger(limit) || limit < 1 || limit > 500 || !Number.isInteger(offset) || offset < 0) {
      const message = "limit must be 1-500 and offset >= 0"
      return json(res, 422, { errors: [{ code: "form_param_value_invalid", message, long_message: message }] })
    }
    const sorted = [...items].sort((a, b) => b.created_at - a.created_at)
    return json(res, 200, { data: sorted.slice(offset, offset + limit), total_count: sorted.length })
  }
  const parseBody = (body) => {
    try {
      return body ? JSON.parse(body) : {}
    } catch {
      return undefined
    }
  }
  const badBody = (res) =>
    json(res, 400, { errors: [{ code: "form_param_format_invalid", message: "Body is not JSON", long_message: "Body is not JSON" }] })
  const requests = []
  const pending = new Set()
  let mode = "ok"

  const json = (res, status, body) => {
    // @clerk/backend parses the body only for exactly this content type.
    res.writeHead(status, { "Content-Type": "application/json" })
    res.end(JSON.stringify(body))
  }
  const notFound = (res, message) =>
    json(res, 404, { errors: [{ code: "resource_not_found", message, long_message: message }] })

  const findByEmail = (email) =>
    [...users.values()].find((u) =>
      (u.email_addresses ?? []).some((e) => e.email_address.toLowerCase() === email)
    )

  const handle = (req, res, body) => {
    const url = new URL(req.url, "http://127.0.0.1")
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      return json(res, 401, { errors: [{ code: "authentication_invalid", message: "Invalid secret key", long_message: "Invalid secret key" }] })
    }
    if (mode === "error") {
      return json(res, 500, { errors: [{ code: "internal_clerk_error", message: "Oops", long_message: "Internal error" }] })
    }
    if (url.pathname === "/v1/jwks" && req.method === "GET") {
      return json(res, 200, { keys: keys ? [keys.jwk] : [] })
    }
    // Create, list and count users: the shapes @clerk/backend's createUser,
    // getUserList and getCount send (shallow snake_case bodies, repeated
    // query params such as ?email_address=a&email_address=b).
    if (url.pathname === "/v1/users" && req.method === "POST") {
      let params
      try {
        params = body ? JSON.parse(body) : {}
      } catch {
        return json(res, 400, { errors: [{ code: "form_param_format_invalid", message: "Body is not JSON", long_message: "Body is not JSON" }] })
      }
      const emails = [].concat(params.email_address ?? []).map((e) => String(e).trim().toLowerCase())
      const taken = emails.find((e) => findByEmail(e))
      if (taken) {
        const message = "That email address is taken. Please try another."
        return json(res, 422, { errors: [{ code: "form_identifier_exists", message, long_message: message, meta: { param_name: "email_address" } }] })
      }
      const user = buildClerkUser({
        email: emails[0] ?? null,
        firstName: params.first_name ?? null,
        lastName: params.last_name ?? null,
        unsafeMetadata: params.unsafe_metadata ?? {},
        publicMetadata: params.public_metadata ?? {},
      })
      user.private_metadata = params.private_metadata ?? {}
      user.external_id = params.external_id ?? null
      users.set(user.id, user)
      changed()
      return json(res, 200, user)
    }
    if ((url.pathname === "/v1/users" || url.pathname === "/v1/users/count") && req.method === "GET") {
      const wantEmails = url.searchParams.getAll("email_address").map((e) => e.trim().toLowerCase())
      const wantIds = url.searchParams.getAll("user_id")
      const matching = [...users.values()].filter(
        (u) =>
          (!wantIds.length || wantIds.includes(u.id)) &&
          (!wantEmails.length || u.email_addresses.some((e) => wantEmails.includes(e.email_address.toLowerCase())))
      )
      if (url.pathname === "/v1/users/count") {
        return json(res, 200, { object: "total_count", total_count: matching.length })
      }
      const offset = Number(url.searchParams.get("offset") ?? 0)
      const limit = Number(url.searchParams.get("limit") ?? 10)
      return json(res, 200, matching.slice(offset, offset + limit))
    }
    // A user's memberships: users.getOrganizationMembershipList({ userId, limit, offset }).
    const userMemberships = url.pathname.match(/^\/v1\/users\/([^/]+)\/organization_memberships$/)
    if (userMemberships && req.method === "GET") {
      const userId = decodeURIComponent(userMemberships[1])
      if (!users.has(userId)) return notFound(res, "User not found")
      return page(res, url, [...memberships.values()].filter((m) => m.user_id === userId).map(renderMembership))
    }
    // Organizations: organizations.getOrganizationList / createOrganization.
    if (url.pathname === "/v1/organizations" && req.method === "GET") {
      const q = (url.searchParams.get("query") ?? "").toLowerCase()
      return page(res, url, [...organizations.values()].filter((o) => !q || o.name.toLowerCase().includes(q) || o.slug.includes(q) || o.id === q))
    }
    if (url.pathname === "/v1/organizations" && req.method === "POST") {
      const params = parseBody(body)
      if (!params) return badBody(res)
      if (typeof params.name !== "string" || !params.name.trim()) {
        const message = "name is required"
        return json(res, 422, { errors: [{ code: "form_param_missing", message, long_message: message, meta: { param_name: "name" } }] })
      }
      const org = buildClerkOrganization({ name: params.name, slug: params.slug, createdBy: params.created_by ?? null })
      organizations.set(org.id, org)
      if (params.created_by && users.has(params.created_by)) {
        // Clerk makes the creator an admin of the new organization.
        const now = Date.now()
        const m = { id: `orgmem_${crypto.randomBytes(8).toString("hex")}`, organization_id: org.id, user_id: params.created_by, role: "org:admin", created_at: now, updated_at: now }
        memberships.set(m.id, m)
      }
      changed()
      return json(res, 200, org)
    }
    const orgMatch = url.pathname.match(/^\/v1\/organizations\/([^/]+)(?:\/memberships(?:\/([^/]+))?)?$/)
    if (orgMatch) {
      const org = organizations.get(decodeURIComponent(orgMatch[1])) ?? [...organizations.values()].find((o) => o.slug === decodeURIComponent(orgMatch[1]))
      if (!org) return notFound(res, "Organization not found")
      const isMemberships = url.pathname.includes("/memberships")
      const memberUserId = orgMatch[2] ? decodeURIComponent(orgMatch[2]) : undefined
      if (!isMemberships) {
        if (req.method === "GET") return json(res, 200, { ...org, members_count: membersOf(org.id).length })
        if (req.method === "PATCH") {
          const params = parseBody(body)
          if (!params) return badBody(res)
          if (typeof params.name === "string" && params.name.trim()) org.name = params.name
          if (typeof params.slug === "string" && params.slug.trim()) org.slug = params.slug
          org.updated_at = Date.now()
          changed()
          return json(res, 200, org)
        }
        if (req.method === "DELETE") {
          organizations.delete(org.id)
          for (const m of membersOf(org.id)) memberships.delete(m.id)
          changed()
          return json(res, 200, { object: "organization", id: org.id, slug: org.slug, deleted: true })
        }
      } else if (!memberUserId) {
        if (req.method === "GET") return page(res, url, membersOf(org.id).map(renderMembership))
        if (req.method === "POST") {
          // organizations.createOrganizationMembership({ organizationId, userId, role })
          const params = parseBody(body)
          if (!params) return badBody(res)
          if (!users.has(params.user_id)) return notFound(res, "User not found")
          if (membersOf(org.id).some((m) => m.user_id === params.user_id)) {
            const message = "User is already a member of the organization"
            return json(res, 422, { errors: [{ code: "already_a_member_in_organization", message, long_message: message }] })
          }
          const now = Date.now()
          const m = { id: `orgmem_${crypto.randomBytes(8).toString("hex")}`, organization_id: org.id, user_id: params.user_id, role: params.role || "org:member", created_at: now, updated_at: now }
          memberships.set(m.id, m)
          changed()
          return json(res, 200, renderMembership(m))
        }
      } else {
        const m = membersOf(org.id).find((x) => x.user_id === memberUserId)
        if (!m) return notFound(res, "Membership not found")
        if (req.method === "PATCH") {
          // organizations.updateOrganizationMembership({ organizationId, userId, role })
          const params = parseBody(body)
          if (!params) return badBody(res)
          if (typeof params.role === "string" && params.role) m.role = params.role
          m.updated_at = Date.now()
          changed()
          return json(res, 200, renderMembership(m))
        }
        if (req.method === "DELETE") {
          // organizations.deleteOrganizationMembership: answers the deleted membership.
          memberships.delete(m.id)
          changed()
          return json(res, 200, renderMembership(m))
        }
      }
    }
    const userMatch = url.pathname.match(/^\/v1\/users\/([^/]+)(\/metadata)?$/)
    if (userMatch) {
      const user = users.get(decodeURIComponent(userMatch[1]))
      if (!user) return notFound(res, "User not found")
      if (req.method === "GET" && !userMatch[2]) return json(res, 200, user)
      if (req.method === "PATCH" && userMatch[2]) {
        const patch = body ? JSON.parse(body) : {}
        for (const key of ["public_metadata", "private_metadata", "unsafe_metadata"]) {
          if (patch[key]) user[key] = { ...user[key], ...patch[key] }
        }
        user.updated_at = Date.now()
        changed()
        return json(res, 200, user)
      }
      if (req.method === "DELETE" && !userMatch[2]) {
        users.delete(user.id)
        for (const m of memberships.values()) if (m.user_id === user.id) memberships.delete(m.id)
        changed()
        return json(res, 200, { object: "user", id: user.id, deleted: true })
      }
    }
    return notFound(res, `No route ${req.method} ${url.pathname}`)
  }

  const server = http.createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      requests.push({ method: req.method, path: req.url, at: Date.now() })
      if (mode === "hang") {
        pending.add(res)
        res.on("close", () => pending.delete(res))
        return
      }
      if (mode === "slow") {
        const timer = setTimeout(() => handle(req, res, body), slowMs)
        res.on("close", () => clearTimeout(timer))
        return
      }
      handle(req, res, body)
    })
  })
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve))
  const address = server.address()

  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    secretKey,
    users,
    requests,
    organizations,
    memberships,
    /** Adds or replaces a user (API shape) and returns it. */
    putUser(user) {
      users.set(user.id, user)
      return user
    },
    /** Adds or replaces an organization (API shape) and returns it. */
    putOrganization(org) {
      organizations.set(org.id, org)
      return org
    },
    /**
     * Makes `userId` a member of `organizationId` with a Clerk role (or
     * changes the role, touching `updated_at`); returns the membership as the
     * API renders it (the payload of organizationMembership.created/updated).
     */
    setMembership(organizationId, userId, role = "org:member", { createdAt, updatedAt } = {}) {
      const now = Date.now()
      let m = [...memberships.values()].find((x) => x.organization_id === organizationId && x.user_id === userId)
      if (m) {
        m.role = role
        m.updated_at = updatedAt ?? Math.max(now, m.updated_at + 1)
      } else {
        m = { id: `orgmem_${crypto.randomBytes(8).toString("hex")}`, organization_id: organizationId, user_id: userId, role, created_at: createdAt ?? now, updated_at: updatedAt ?? createdAt ?? now }
        memberships.set(m.id, m)
      }
      return renderMembership(m)
    },
    /** Ends a membership; returns it as the API renders it (organizationMembership.deleted). */
    removeMembership(organizationId, userId) {
      const m = [...memberships.values()].find((x) => x.organization_id === organizationId && x.user_id === userId)
      if (!m) return undefined
      memberships.delete(m.id)
      return renderMembership(m)
    },
    /** Renames an organization (touching `updated_at`); returns it. */
    renameOrganization(organizationId, name) {
      const org = organizations.get(organizationId)
      org.name = name
      org.updated_at = Math.max(Date.now(), org.updated_at + 1)
      return org
    },
    setMode(next) {
      mode = next
      if (next !== "hang") {
        for (const res of pending) res.destroy()
        pending.clear()
      }
    },
    /** Requests seen since the last reset, optionally only those to a path. */
    count(pathPrefix = "/") {
      return requests.filter((r) => r.path.startsWith(pathPrefix)).length
    },
    resetRequests() {
      requests.length = 0
    },
    async close() {
      for (const res of pending) res.destroy()
      server.closeAllConnections?.()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

module.exports = {
  createClerkKeyPair,
  signSessionToken,
  buildClerkUser,
  buildClerkOrganization,
  buildClerkMembership,
  startClerkStandIn,
}
