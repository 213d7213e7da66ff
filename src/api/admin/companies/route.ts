import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { AdminCompanyListResponse } from "../../../types/company"
import { formatAdminCompany } from "../../utils/format-company"
import type { AdminGetCompaniesParamsType } from "./validators"

/**
 * Companies, newest first (`order` as Medusa's list routes take it):
 * `verified` filters by verification, `q` matches the name, the tax ID or
 * the Clerk organization id (case-insensitive), `customer_id` keeps the
 * companies that customer belongs to. `limit` ≤ 100.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCompaniesParamsType>,
  res: MedusaResponse<AdminCompanyListResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { verified, q, customer_id } = req.validatedQuery as AdminGetCompaniesParamsType
  const { skip = 0, take = 20 } = req.queryConfig.pagination ?? {}

  const filters: Record<string, unknown> = {}
  if (verified !== undefined) {
    filters.is_verified = verified
  }
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    filters.$or = [
      { name: { $ilike: like } },
      { tax_id: { $ilike: like } },
      { clerk_organization_id: { $ilike: like } },
    ]
  }
  if (customer_id) {
    const service: CompanyModuleService = req.scope.resolve(COMPANY_MODULE)
    const memberships = await service.listCompanyMembers(
      { customer_id },
      { select: ["company_id"] }
    )
    filters.id = [...new Set(memberships.map((m) => m.company_id))]
  }

  const { data, metadata } = await query.graph({
    entity: "company",
    fields: req.queryConfig.fields,
    filters,
    pagination: req.queryConfig.pagination,
  })

  res.json({
    companies: data.map(formatAdminCompany),
    count: metadata?.count ?? data.length,
    limit: take,
    offset: skip,
  })
}
