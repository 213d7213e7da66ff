// The test's own database: created fresh for every run on the PostgreSQL the
// dev tooling uses (localhost:5432, else an embedded one), dropped at the end.
import path from "node:path"
import { createRequire } from "node:module"

export async function openDatabaseTools(root) {
  const require = createRequire(path.join(root, "package.json"))
  const pg = require("pg")
  const postgres = await import(path.join(root, "scripts", "lib", "postgres.mjs")).catch(() => null)
  return { pg, ensurePostgres: postgres?.ensurePostgres }
}

const adminConfig = ({ host, port, user }) => ({ host, port, user, database: "postgres" })

/** Drops (if left over from an earlier run) and creates `name`. Only ever called with the test's own name. */
export async function recreateDatabase(pg, server, name) {
  const client = new pg.Client(adminConfig(server))
  await client.connect()
  try {
    const ident = client.escapeIdentifier(name)
    await client.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${ident}`)
  } finally {
    await client.end().catch(() => {})
  }
}

export async function dropDatabase(pg, server, name) {
  const client = new pg.Client(adminConfig(server))
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)
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
