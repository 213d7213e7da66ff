import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import TaxIdCheck from "./models/tax-id-check"
import type { TaxIdCheckDTO, TaxIdCheckOwnerType } from "./types"

/**
 * Stores VIES checks and their evidence for any owner (a customer's role, a
 * company). The retry bookkeeping is done with conditional updates so that
 * two workers (or the job and a subscriber) never call VIES for the same
 * check at once.
 */
class TaxIdCheckModuleService extends MedusaService({
  TaxIdCheck,
}) {
  /**
   * Takes a due check for one attempt: counts the attempt and pushes
   * `next_attempt_at` out by `leaseMs`, so nobody else takes it meanwhile
   * (and the job takes it again if this worker dies mid-call).
   *
   * @param now Time of the attempt.
   * @param leaseMs How long the attempt may take (the VIES time-out plus a margin), in ms.
   * @param maxAttempts Checks that made this many attempts are not taken.
   * @returns The check after counting the attempt, or null when it is not
   *   pending, not due, cancelled, exhausted or taken by someone else.
   */
  @InjectManager()
  async claimTaxIdCheckAttempt(
    id: string,
    { now, leaseMs, maxAttempts }: { now: Date; leaseMs: number; maxAttempts: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<TaxIdCheckDTO | null> {
    const rows = (await sharedContext.manager!.execute(
      `update "tax_id_check"
          set "attempts" = "attempts" + 1,
              "last_attempt_at" = ?,
              "next_attempt_at" = ?,
              "updated_at" = now()
        where "id" = ? and "deleted_at" is null and "status" = 'pending'
          and "next_attempt_at" is not null and "next_attempt_at" <= ?
          and "attempts" < ?
        returning *`,
      [now, new Date(now.getTime() + leaseMs), id, now, maxAttempts]
    )) as TaxIdCheckDTO[]
    return rows[0] ?? null
  }

  /**
   * Stops automatic retries of an owner's other pending checks: a newer
   * check (new number or "check again") replaces them. Call it under the
   * owner's lock.
   *
   * @returns The checks stopped with their previous `next_attempt_at`, for compensation.
   */
  async cancelOtherPendingTaxIdChecks(
    owner: { owner_type: TaxIdCheckOwnerType; owner_id: string },
    keepId: string | null
  ): Promise<{ id: string; next_attempt_at: Date | string | null }[]> {
    const previous = (await this.listTaxIdChecks(
      {
        owner_type: owner.owner_type,
        owner_id: owner.owner_id,
        status: "pending",
        next_attempt_at: { $ne: null },
        ...(keepId ? { id: { $ne: keepId } } : {}),
      },
      { select: ["id", "next_attempt_at"] }
    )) as { id: string; next_attempt_at: Date | string | null }[]
    if (previous.length) {
      await this.updateTaxIdChecks(
        previous.map((check) => ({ id: check.id, next_attempt_at: null }))
      )
    }
    return previous.map(({ id, next_attempt_at }) => ({ id, next_attempt_at }))
  }

  /** Pending checks whose next attempt is due, oldest first. */
  async listDueTaxIdChecks(now: Date, limit: number): Promise<TaxIdCheckDTO[]> {
    return (await this.listTaxIdChecks(
      { status: "pending", next_attempt_at: { $lte: now } },
      { take: limit, order: { next_attempt_at: "ASC" } }
    )) as TaxIdCheckDTO[]
  }
}

export default TaxIdCheckModuleService
