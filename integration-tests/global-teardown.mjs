// jest globalTeardown: stop the embedded PostgreSQL only if global-setup.mjs
// started it; a server that was already running is left alone.
export default async function globalTeardown() {
  const pg = globalThis.__ROLE_SYNC_EMBEDDED_PG__
  if (pg?.started) {
    await pg.stop()
    process.stderr.write("\n[postgres] embedded PostgreSQL stopped\n")
  }
  globalThis.__ROLE_SYNC_EMBEDDED_PG__ = undefined
}
