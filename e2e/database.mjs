// The test's own database: created fresh for every run on the PostgreSQL the
// dev tooling uses (localhost:5432, else an embedded one), dropped at the end.
// It never drops a database it did not create (see recreateDatabase).
import path from "node:path"
import { createRequire } from "node:module"

export async function openDatabaseTools(root) {
  const require = createRequire(path.join(root, "package.json"))
  const pg = require("pg")
  const postgres = await import(path.join(root, "scripts", "lib", "postgres.mjs")).catch(() => null)
  return { pg, ensurePostgres: postgres?.ensurePostgres }
}

const adminConfig = ({ host, port, user }) => ({ host, port, user, database: "postgres" })

// Every database this test creates carries this comment; it only ever drops
// databases that carry it, unless E2E_DROP_EXISTING_DB=1 says otherwise.
const MARKER = "created by medusa-plugin-role-sync npm run test:e2e (scratch, safe to drop)"

async function markerOf(client, name) {
  const { rows } = await client.query(
    "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
    [name]
  )
  return rows.length ? { exists: true, ours: rows[0].comment === MARKER } : { exists: false, ours: false }
}

/**
 * Creates `name` fresh. A database of that name left by an earlier run (it
 * carries the marker) is dropped first; any other existing database is left
 * alone and the run stops, unless `dropExisting` (E2E_DROP_EXISTING_DB=1).
 */
export async function recreateDatabase(pg, server, name, { dropExisting = false } = {}) {
  const client = new pg.Client(adminConfig(server))
  await client.connect()
  try {
    const ident = client.escapeIdentifier(name)
    const { exists, ours } = await markerOf(client, name)
    if (exists && !ours && !dropExisting) {
      throw new Error(
        `database "${name}" exists and was not created by npm run test:e2e, so it is left alone. ` +
          `Pick another name with E2E_DB_NAME=<name>, or set E2E_DROP_EXISTING_DB=1 to drop it.`
      )
    }
    if (exists) await client.query(`DROP DATABASE ${ident} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${ident}`)
    await client.query(`COMMENT ON DATABASE ${ident} IS ${client.escapeLiteral(MARKER)}`)
  } finally {
    await client.end().catch(() => {})
  }
}

/** Drops `name` only when this test created it (it carries the marker). */
export async function dropDatabase(pg, server, name) {
  const client = new pg.Client(adminConfig(server))
  await client.connect()
  try {
    if ((await markerOf(client, name)).ours) {
      await client.query(`DROP DATABASE ${client.escapeIdentifier(name)} WITH (FORCE)`)
    }
  } finally {
    await client.end().catch(() => {})
  }
}

/** A client on the test database, for checking what the UI changed. */
export async function connectTo(pg, server, name) {
  const client = new pg.Client({ ...adminConfig(server), database: name })
  await client.connect()
  return client
}
