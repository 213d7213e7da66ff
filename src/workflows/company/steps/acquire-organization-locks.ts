import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { setTimeout as sleep } from "node:timers/promises"

export type AcquireOrganizationLocksStepInput = {
  /** Lock keys (`organizationLockKeys(...)`): taken one by one, in this order. */
  keys: string[]
  /** The run's owner id: the same value goes to `releaseLockStep`. */
  owner_id: string
  /** Seconds to wait for all of them. */
  timeout?: number
  /** Seconds a key is held at most if the run dies. */
  ttl?: number
}

/**
 * Takes several organization locks one after the other, in the caller's
 * (sorted) order, each retried until `timeout`. Medusa's `acquireLockStep`
 * given several keys lets the Redis provider take them all at once, so two
 * runs wanting the same two organizations could each hold one and wait for
 * the other until the TTL; taking them in one global order cannot. On
 * failure the keys already held are released; compensation releases all.
 */
export const acquireOrganizationLocksStepId = "role-sync-acquire-organization-locks"

export const acquireOrganizationLocksStep = createStep(
  acquireOrganizationLocksStepId,
  async (input: AcquireOrganizationLocksStepInput, { container }) => {
    if (!input.keys.length) {
      return new StepResponse(undefined, null)
    }
    const locking = container.resolve(Modules.LOCKING)
    const deadline = Date.now() + (input.timeout ?? 30) * 1000
    const held: string[] = []
    try {
      for (const key of input.keys) {
        while (true) {
          try {
            await locking.acquire(key, { ownerId: input.owner_id, expire: input.ttl ?? 30 })
            held.push(key)
            break
          } catch (e) {
            if (Date.now() >= deadline) {
              throw e
            }
            await sleep(50)
          }
        }
      }
    } catch (e) {
      if (held.length) {
        await locking.release(held, { ownerId: input.owner_id })
      }
      throw e
    }
    return new StepResponse(undefined, { keys: held, owner_id: input.owner_id })
  },
  async (held, { container }) => {
    if (held?.keys.length) {
      const locking = container.resolve(Modules.LOCKING)
      await locking.release(held.keys, { ownerId: held.owner_id })
    }
  }
)
