import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { rolesWithPermission } from "../../../types/company"
import { requireCompanyRole } from "../../guards"
import { validateBody } from "../../validation/validate-body"
import { StoreUpdateCompany } from "./validators"

export const storeCompanyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/companies*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    // DESIGN §10 rule 3: only a company admin edits the tax data.
    methods: ["POST"],
    matcher: "/store/companies/me",
    middlewares: [
      requireCompanyRole(...rolesWithPermission("company.edit_tax_data")),
      validateBody(StoreUpdateCompany),
    ],
  },
]
