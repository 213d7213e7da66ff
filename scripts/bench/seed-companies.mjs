// Synthetic companies for the benchmark: `count` companies with 2-6 members
// each, taken from the seeded business customers (their customer_meta rows
// get the active company copied on, as the sync writes it), so the company
// tables and the active-company index hold realistic data.
import crypto from "node:crypto"
import { ulid } from "./seed.mjs"

const ROLES = ["admin", "buyer", "buyer", "member"]
const CLERK_ROLE = { admin: "org:admin", buyer: "org:member", member: "org:viewer" }

export async function seedCompanies(pg, count) {
  const { rows: business } = await pg.query(
    "SELECT id, customer_id, clerk_user_id FROM customer_meta WHERE account_type = 'business' AND deleted_at IS NULL ORDER BY random()"
  )
  let next = 0
  let members = 0
  for (let c = 0; c < count && next < business.length; c++) {
    const id = `comp_${ulid()}`
    const orgId = `org_${crypto.randomBytes(13).toString("hex")}`
    const verified = Math.random() < 0.4
    const name = `Bench Company ${c + 1}`
    await pg.query(
      `INSERT INTO company (id, clerk_organization_id, name, is_verified, verified_at, verified_by, clerk_updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [id, orgId, name, verified, verified ? new Date() : null, verified ? "user_bench_admin" : null]
    )
    const size = 2 + crypto.randomInt(5)
    for (let m = 0; m < size && next < business.length; m++, next++) {
      const meta = business[next]
      const role = m === 0 ? "admin" : ROLES[crypto.randomInt(ROLES.length)]
      await pg.query(
        `INSERT INTO company_member (id, company_id, customer_id, clerk_user_id, clerk_membership_id, role, clerk_role, joined_at, clerk_updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now(), now())`,
        [`cmem_${ulid()}`, id, meta.customer_id, meta.clerk_user_id, `orgmem_${crypto.randomBytes(13).toString("hex")}`, role, CLERK_ROLE[role]]
      )
      await pg.query(
        `UPDATE customer_meta SET active_company_id = $1, active_company_name = $2, active_company_role = $3, active_company_verified = $4 WHERE id = $5`,
        [id, name, role, verified, meta.id]
      )
      members++
    }
  }
  await pg.query("ANALYZE company; ANALYZE company_member; ANALYZE customer_meta")
  return { companies: count, members }
}
