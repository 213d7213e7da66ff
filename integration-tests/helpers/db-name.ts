/**
 * The test database name for a spec. `ROLE_SYNC_TEST_DB_SUFFIX` keeps two
 * checkouts (or a checkout and CI) on one PostgreSQL from dropping each
 * other's databases mid-run.
 */
export const testDbName = (name: string) =>
  `medusa-role-sync-${name}${process.env.ROLE_SYNC_TEST_DB_SUFFIX ?? ""}`
