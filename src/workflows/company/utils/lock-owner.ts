import { randomUUID } from "node:crypto"

/**
 * An owner id for one workflow run's locks. With several keys in one
 * `acquireLockStep`, Medusa's locking providers take them one by one; a
 * retry after a busy key keeps the keys it already holds only when they
 * carry an owner id (without one it would wait on itself until the TTL).
 * Use it in a `transform` (whose result the workflow keeps for the run) and
 * pass the same value to `releaseLockStep`.
 */
export const lockOwnerId = () => `role-sync:${randomUUID()}`
