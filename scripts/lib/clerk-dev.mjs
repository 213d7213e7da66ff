// The local Clerk stand-in for development: persisted keys and users, so a
// restart of `npm run dev` keeps the same secret key, signing key and demo
// users. Tokens signed here are accepted only by a Medusa started with these
// dev keys; nothing here talks to Clerk's servers.
import crypto from "node:crypto"
import fs from "node:fs"
import { createRequire } from "node:module"
import { PATHS, readJson, writeJson } from "./dev-env.mjs"

const require = createRequire(import.meta.url)
// CommonJS helper shared with the jest suites.
const standIn = require("../../integration-tests/helpers/clerk-stand-in.js")

export const DEFAULT_STAND_IN_PORT = 3901
// Issuer of dev tokens; Medusa is started with CLERK_ISSUER set to it.
export const DEV_ISSUER = "https://clerk.dev-stand-in.localhost"

/**
 * Loads .dev/clerk/keys.json, creating it on first use: an RSA pair (Clerk's
 * jwtKey is the public SPKI PEM), a random `sk_test_` secret key the stand-in
 * requires on every Backend API call, and a Svix-style webhook secret.
 */
export function loadOrCreateDevClerk({ create = true } = {}) {
  let stored = readJson(PATHS.clerkKeys)
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
    fs.mkdirSync(PATHS.clerkDir, { recursive: true, mode: 0o700 })
    writeJson(PATHS.clerkKeys, stored)
    created = true
  }
  return {
    created,
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
 * memberships loaded from and saved to .dev/clerk/ (users.json,
 * organizations.json).
 */
export async function startDevStandIn({ devClerk, port }) {
  const saved = readJson(PATHS.clerkUsers) ?? []
  const savedOrgs = readJson(PATHS.clerkOrganizations) ?? { organizations: [], memberships: [] }
  const server = await standIn.startClerkStandIn({
    keys: devClerk.keys,
    secretKey: devClerk.secretKey,
    port,
    onChange: (users, { organizations, memberships } = {}) => {
      writeJson(PATHS.clerkUsers, [...users.values()])
      if (organizations) {
        writeJson(PATHS.clerkOrganizations, {
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

/** A Clerk-shaped RS256 session token signed with the persisted dev key. */
export function signDevSessionToken(devClerk, claims) {
  return standIn.signSessionToken(devClerk.keys, { iss: devClerk.issuer, ...claims })
}
