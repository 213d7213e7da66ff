import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { formatAdminCompanyDetail } from "../../utils/format-company"
import { ADMIN_COMPANY_DETAIL_FIELDS } from "./query-config"

/** A live company with its members (404 otherwise). */
export async function fetchAdminCompany(
  scope: MedusaContainer,
  id: string,
  fields: string[] = ADMIN_COMPANY_DETAIL_FIELDS
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [company],
  } = await query.graph({ entity: "company", fields, filters: { id } })
  if (!company) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Company ${id} was not found.`)
  }
  return formatAdminCompanyDetail(company)
}
