import type { MedusaContainer } from "@medusajs/framework/types"
import type { CustomerMetaDTO } from "../../../../../modules/customer-meta/types"
import { TAX_ID_CHECK_MODULE } from "../../../../../modules/tax-id-check"
import type TaxIdCheckModuleService from "../../../../../modules/tax-id-check/service"
import type { TaxIdCheckDTO } from "../../../../../modules/tax-id-check/types"
import { VIES_MODULE } from "../../../../../modules/vies"
import type ViesModuleService from "../../../../../modules/vies/service"
import { formatAdminCustomerMeta } from "../../../../utils/format-customer-meta"
import { formatAdminTaxIdCheck } from "../../format-tax-id-check"

/** How many earlier checks `GET /admin/customers/:id/tax-id` lists. */
export const TAX_ID_CHECK_HISTORY_LIMIT = 20

/**
 * The admin's view of a customer's tax ID: the role, the current check with
 * its evidence, and the checks before it (newest first).
 */
export async function adminTaxIdView(container: MedusaContainer, meta: CustomerMetaDTO) {
  const checks: TaxIdCheckModuleService = container.resolve(TAX_ID_CHECK_MODULE)
  const { maxAttempts } = (container.resolve(VIES_MODULE) as ViesModuleService).getOptions()
  const history = (await checks.listTaxIdChecks(
    { owner_type: "customer_meta", owner_id: meta.id },
    { order: { created_at: "DESC" }, take: TAX_ID_CHECK_HISTORY_LIMIT }
  )) as TaxIdCheckDTO[]
  const current = meta.tax_id_check_id
    ? (history.find((c) => c.id === meta.tax_id_check_id) ??
      ((await checks.listTaxIdChecks({ id: meta.tax_id_check_id }, { take: 1 })) as TaxIdCheckDTO[])[0] ??
      null)
    : null
  return {
    customer_meta: formatAdminCustomerMeta(meta),
    tax_id_check: current ? formatAdminTaxIdCheck(current, maxAttempts) : null,
    tax_id_checks: history.map((c) => formatAdminTaxIdCheck(c, maxAttempts)),
  }
}
