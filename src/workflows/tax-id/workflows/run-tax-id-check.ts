import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { askViesStep } from "../steps/ask-vies"
import { claimTaxIdCheckStep } from "../steps/claim-tax-id-check"
import { recordTaxIdCheckOutcomeStep } from "../steps/record-tax-id-check-outcome"

export type RunTaxIdCheckWorkflowInput = {
  check_id: string
  /**
   * ISO time the attempt counts as made at (due-ness, back-off); defaults to
   * the time of each step. The retry job passes the time it listed due
   * checks at.
   */
  now?: string | null
}

export const runTaxIdCheckWorkflowId = "role-sync-run-tax-id-check"

/**
 * One attempt of a VIES check, for any owner (customer role, company):
 * claims the check if it is due, calls VIES once (bounded by its time-out)
 * and records the answer or the fault with the next retry time. Output: the
 * check as recorded, or null when it was not due (nothing done). It does not
 * touch the owner: run the owner's apply workflow next (see
 * `runTaxIdCheck`). Holds no lock while VIES is called.
 */
export const runTaxIdCheckWorkflow = createWorkflow(
  runTaxIdCheckWorkflowId,
  (input: RunTaxIdCheckWorkflowInput) => {
    const claimedAt = transform({ input }, ({ input }) => input.now ?? new Date().toISOString())
    const claimed = claimTaxIdCheckStep({ check_id: input.check_id, now: claimedAt })
    const outcome = askViesStep({ check: claimed })
    const answeredAt = transform({ input, outcome }, ({ input }) => input.now ?? new Date().toISOString())
    const recorded = recordTaxIdCheckOutcomeStep({
      check: claimed,
      outcome,
      now: answeredAt,
    })
    return new WorkflowResponse(recorded)
  }
)
