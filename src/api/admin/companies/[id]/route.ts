import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminCompanyResponse } from "../../../../types/company"
import { fetchAdminCompany } from "../helpers"

/** A company with its members: their roles, customers and whether it is their active company. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCompanyResponse>
) => {
  res.json({ company: await fetchAdminCompany(req.scope, req.params.id, req.queryConfig.fields) })
}
