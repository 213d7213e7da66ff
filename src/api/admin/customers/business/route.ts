import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { CustomerMetaDTO } from "../../../../modules/customer-meta/types"
import { TAX_ID_CHECK_MODULE } from "../../../../modules/tax-id-check"
import type TaxIdCheckModuleService from "../../../../modules/tax-id-check/service"
import type { TaxIdCheckDTO } from "../../../../modules/tax-id-check/types"
import { VIES_MODULE } from "../../../../modules/vies"
import type ViesModuleService from "../../../../modules/vies/service"
import { formatAdminTaxIdCheck } from "../format-tax-id-check"
import {
  ADMIN_CUSTOMER_META_FIELDS,
  formatAdminCustomerMeta,
} from "../../../utils/format-customer-meta"
import type { AdminListBusinessCustomersParamsType } from "../validators"

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * Business customers for the admin: filter by verification, by tax ID status
 * (`tax_id_status=pending,invalid`) and by flag (`tax_id_flagged=true`: VIES
 * said invalid while verified); search company, tax ID (as typed or in its
 * compact form) or email. Email lives in the Customer Module, so it is
 * matched there first and joined by id. Each row carries its current VIES
 * check (`tax_id_check`, with evidence) or null.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListBusinessCustomersParamsType>,
  res: MedusaResponse
) => {
  const { verified, tax_id_status, tax_id_flagged, q, limit, offset } =
    req.validatedQuery as unknown as AdminListBusinessCustomersParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  const filters: Record<string, unknown> = { account_type: "business" }
  if (verified !== undefined) {
    filters.is_verified = verified === "true"
  }
  if (tax_id_status) {
    filters.tax_id_status = tax_id_status
  }
  if (tax_id_flagged !== undefined) {
    filters.tax_id_flagged_at = tax_id_flagged === "true" ? { $ne: null } : null
  }
  if (q) {
    const pattern = likePattern(q)
    // Tax IDs are stored compact: "DE 136 695" finds DE136695976.
    const compactQuery = q.toUpperCase().replace(/[\s.-]+/g, "")
    const emailMatches = await req.scope
      .resolve(Modules.CUSTOMER)
      .listCustomers({ email: { $ilike: pattern } }, { select: ["id"], take: 1000 })
    filters.$or = [
      { company_name: { $ilike: pattern } },
      { tax_id: { $ilike: pattern } },
      ...(compactQuery && compactQuery !== q ? [{ tax_id: { $ilike: likePattern(compactQuery) } }] : []),
      ...(emailMatches.length ? [{ customer_id: emailMatches.map((c) => c.id) }] : []),
    ]
  }

  // One Query through the read-only customer_meta -> customer link.
  const { data: metas, metadata } = await query.graph({
    entity: "customer_meta",
    fields: [
      ...ADMIN_CUSTOMER_META_FIELDS,
      "customer.id",
      "customer.email",
      "customer.first_name",
      "customer.last_name",
    ],
    filters,
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })

  // The current checks' evidence, in one query on their ids.
  const checkIds = metas.map((m: any) => m.tax_id_check_id).filter(Boolean) as string[]
  const checks = checkIds.length
    ? ((await req.scope
        .resolve<TaxIdCheckModuleService>(TAX_ID_CHECK_MODULE)
        .listTaxIdChecks({ id: checkIds })) as TaxIdCheckDTO[])
    : []
  const checkById = new Map(checks.map((c) => [c.id, c]))
  const { maxAttempts } = req.scope.resolve<ViesModuleService>(VIES_MODULE).getOptions()

  res.json({
    business_customers: metas.map(({ customer, ...meta }: any) => ({
      ...formatAdminCustomerMeta(meta as CustomerMetaDTO),
      tax_id_check: checkById.has(meta.tax_id_check_id)
        ? formatAdminTaxIdCheck(checkById.get(meta.tax_id_check_id)!, maxAttempts)
        : null,
      customer: customer
        ? {
            id: customer.id,
            email: customer.email ?? null,
            first_name: customer.first_name ?? null,
            last_name: customer.last_name ?? null,
          }
        : null,
    })),
    count: metadata?.count ?? metas.length,
    limit,
    offset,
  })
}
