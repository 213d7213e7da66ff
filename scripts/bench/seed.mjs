// Synthetic customer_meta rows with realistic ids (Medusa's prefixed ULIDs,
// Clerk's user_ ids), so that the planner sees a table worth an index.
import crypto from "node:crypto"

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

/** A ULID for time `ms`: 10 chars of time + 16 random, Crockford base32. */
export function ulid(ms = Date.now()) {
  let time = ""
  let t = ms
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time
    t = Math.floor(t / 32)
  }
  const bytes = crypto.randomBytes(16)
  let rand = ""
  for (let i = 0; i < 16; i++) rand += CROCKFORD[bytes[i] % 32]
  return time + rand
}

/** Clerk user ids look like user_2NNEqL2nrIRdJ194ndJqAHwEfxC (27 base62 chars). */
export function clerkUserId() {
  const bytes = crypto.randomBytes(27)
  let s = "2"
  for (let i = 1; i < 27; i++) s += BASE62[bytes[i] % 62]
  return `user_${s}`
}

const COMPANY_WORDS = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell", "Cyberdyne", "Wonka", "Nordwind", "Alpen", "Hanse"]
const COMPANY_FORMS = ["GmbH", "AG", "Ltd", "BV", "SAS", "S.r.l.", "Inc", "KG", "Oy", "AB"]
const pick = (arr) => arr[crypto.randomInt(arr.length)]

/**
 * Inserts `count` rows: about 70 % individual, 30 % business (a third of them
 * verified), 2 % soft-deleted; created over the last two years. Then ANALYZE.
 * Returns the mix.
 */
export async function seedCustomerMeta(pg, count, { adminUserId = "user_01JBENCHADMIN0000000000000" } = {}) {
  const now = Date.now()
  const mix = { individual: 0, business: 0, verified: 0, deleted: 0 }
  const rows = []
  for (let i = 0; i < count; i++) {
    const createdMs = now - crypto.randomInt(2 * 365 * 24 * 3600) * 1000
    const business = Math.random() < 0.3
    const verified = business && Math.random() < 1 / 3
    const deleted = Math.random() < 0.02
    mix[business ? "business" : "individual"]++
    if (verified) mix.verified++
    if (deleted) mix.deleted++
    const created = new Date(createdMs)
    rows.push([
      `cmeta_${ulid(createdMs)}`,
      `cus_${ulid(createdMs - 1000)}`,
      clerkUserId(),
      business ? "business" : "individual",
      business ? `${pick(COMPANY_WORDS)} ${pick(COMPANY_WORDS)} ${pick(COMPANY_FORMS)}` : null,
      business && Math.random() < 0.8 ? `${pick(["DE", "GB", "FR", "NL", "AT"])}${crypto.randomInt(100000000, 999999999)}` : null,
      null, // tax_id_status, filled below: synthetic numbers, never validated
      verified,
      verified ? new Date(createdMs + 86400000) : null,
      verified ? adminUserId : null,
      created,
      created,
      deleted ? new Date(createdMs + 2 * 86400000) : null,
    ])
  }
  for (const row of rows) row[6] = row[5] ? "unchecked" : null
  const cols = ["id", "customer_id", "clerk_user_id", "account_type", "company_name", "tax_id", "tax_id_status", "is_verified", "verified_at", "verified_by", "created_at", "updated_at", "deleted_at"]
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500)
    const values = batch.map((row, r) => `(${row.map((_, c) => `$${r * cols.length + c + 1}`).join(", ")})`).join(", ")
    await pg.query(`INSERT INTO customer_meta (${cols.join(", ")}) VALUES ${values}`, batch.flat())
  }
  await pg.query("ANALYZE customer_meta")
  return mix
}
