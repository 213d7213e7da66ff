import type { MedusaContainer } from "@medusajs/framework/types"
import type { TaxIdCheckDTO, TaxIdCheckOwnerType } from "../../modules/tax-id-check/types"
import { applyTaxIdCheckToCustomerMetaWorkflow } from "./workflows/apply-tax-id-check-to-customer-meta"
import { runTaxIdCheckWorkflow } from "./workflows/run-tax-id-check"

type ApplyWorkflow = (container: MedusaContainer) => {
  run(args: { input: { check_id: string } }): Promise<unknown>
}

/**
 * How a recorded check reaches its owner, per owner type. A company module
 * adds `company` here with its own apply workflow.
 */
export const TAX_ID_CHECK_APPLIERS: Partial<Record<TaxIdCheckOwnerType, ApplyWorkflow>> = {
  customer_meta: applyTaxIdCheckToCustomerMetaWorkflow as unknown as ApplyWorkflow,
}

/**
 * One attempt of a check, then its result applied to its owner: what the
 * `tax_id_check.requested` subscriber and the retry job run. Two workflows,
 * so that no lock is held while VIES is called.
 *
 * @param now The time the attempt counts as made at (the retry job's); default now.
 * @returns The check as recorded, or null when it was not due (nothing done).
 */
export async function runTaxIdCheck(
  container: MedusaContainer,
  checkId: string,
  now?: Date
): Promise<TaxIdCheckDTO | null> {
  const { result: recorded } = await runTaxIdCheckWorkflow(container).run({
    input: { check_id: checkId, now: now?.toISOString() ?? null },
  })
  if (!recorded) {
    return null
  }
  const apply = TAX_ID_CHECK_APPLIERS[recorded.owner_type]
  if (apply) {
    await apply(container).run({ input: { check_id: checkId } })
  }
  return recorded
}
