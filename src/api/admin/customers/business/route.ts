import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TAX_ID_CHECK_MODULE } from "../../../../modules/tax-id-check"
import type TaxIdCheckModuleService from "../../../../modules/tax-id-check/service"
import type { TaxIdCheckDTO } from "../../../../modules/tax-id-check/types"
import { VIES_MODULE } from "../../../../modules/vies"
import type ViesModuleService from "../../../../modules/vies/service"
import type { AdminBusinessCustomerListResponse } from "../../../../types"
import { formatAdminTaxIdCheck } from "../format-tax-id-check"
import type { AdminListBusinessCustomersParamsType } from "../validators"
import { findBusinessCustomers } from "./find-business-customers"

const isTrue = (flag?: "true" | "false") => (flag === undefined ? undefined : flag === "true")

/**
 * Business customers for the admin: filter by verification, by tax ID status
 * (`tax_id_status=pending,invalid`) and by flag (`tax_id_flagged=true`: VIES
 * said invalid while verified); search company, tax ID or email (`q`); sort
 * with `?order=`, choose fields with `?fields=`. The page is found in one SQL
 * statement, then read with Query. A row with `tax_id_check_id` (a default
 * field) also carries that VIES check with its evidence (`tax_id_check`, or
 * null).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListBusinessCustomersParamsType>,
  res: MedusaResponse<AdminBusinessCustomerListResponse>
) => {
  const { verified, tax_id_status, tax_id_flagged, q } =
    req.validatedQuery as AdminListBusinessCustomersParamsType
  const { fields, pagination } = req.queryConfig
  const skip = pagination.skip ?? 0
  const take = pagination.take ?? 20

  const { ids, count } = await findBusinessCustomers(
    req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION),
    {
      verified: isTrue(verified),
      tax_id_status,
      tax_id_flagged: isTrue(tax_id_flagged),
      q,
      order: pagination.order,
      skip,
      take,
    }
  )

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = ids.length
    ? await query.graph({ entity: "customer_meta", fields, filters: { id: ids } })
    : { data: [] }
  const byId = new Map(data.map((meta) => [meta.id as string, meta]))
  const metas = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))

  // The current checks' evidence, in one query on their ids.
  const checkIds = metas.map((meta) => meta.tax_id_check_id).filter(Boolean) as string[]
  const checks = checkIds.length
    ? ((await req.scope
        .resolve<TaxIdCheckModuleService>(TAX_ID_CHECK_MODULE)
        .listTaxIdChecks({ id: checkIds })) as TaxIdCheckDTO[])
    : []
  const checkById = new Map(checks.map((check) => [check.id, check]))
  const { maxAttempts } = req.scope.resolve<ViesModuleService>(VIES_MODULE).getOptions()

  res.json({
    business_customers: metas.map((meta) =>
      "tax_id_check_id" in meta
        ? {
            ...meta,
            tax_id_check: checkById.has(meta.tax_id_check_id)
              ? formatAdminTaxIdCheck(checkById.get(meta.tax_id_check_id)!, maxAttempts)
              : null,
          }
        : meta
    ),
    count,
    offset: skip,
    limit: take,
  })
}
