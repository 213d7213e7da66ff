import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { StoreCompanyResponse } from "../../../../types/company"
import { updateCompanyTaxDataWorkflow } from "../../../../workflows/company"
import { loadCustomerRole } from "../../../guards"
import { formatStoreCompany, STORE_COMPANY_FIELDS } from "../../../utils/format-company"
import { withRoleSyncErrors } from "../../../utils/role-sync-error-response"
import type { StoreUpdateCompanyType } from "../validators"

/** The caller's active company, or a 404 for a caller who buys for none. */
async function activeCompany(req: AuthenticatedMedusaRequest) {
  const role = await loadCustomerRole(req)
  if (!role?.company) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "You are not buying for a company: join a Clerk organization and sign in again (POST /store/customers/sync-role)."
    )
  }
  return role.company
}

async function answer(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreCompanyResponse>) {
  const active = await activeCompany(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [company],
  } = await query.graph({
    entity: "company",
    fields: STORE_COMPANY_FIELDS,
    filters: { id: active.id },
  })
  if (!company) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Company ${active.id} was not found.`)
  }
  res.json({ company: formatStoreCompany(company, active.role) })
}

/**
 * `GET /store/companies/me`: the caller's active company (DESIGN §10 rule
 * 5) with its members and their roles, its verification, and the caller's
 * role and what it allows.
 */
export const GET = (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreCompanyResponse>) =>
  answer(req, res)

/**
 * `POST /store/companies/me { tax_id?, country_code? }` (company admins
 * only, by the route's guard): sets the company's tax data. A change resets
 * the company's verification; the same data changes nothing.
 */
export const POST = withRoleSyncErrors(async (
  req: AuthenticatedMedusaRequest<StoreUpdateCompanyType>,
  res: MedusaResponse<StoreCompanyResponse>
) => {
  const active = await activeCompany(req)
  const { tax_id, country_code } = req.validatedBody
  await updateCompanyTaxDataWorkflow(req.scope).run({
    input: { company_id: active.id, tax_id, country_code },
  })
  await answer(req, res)
})
