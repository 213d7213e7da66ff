import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { loadCustomerRole } from "./load-customer-role"
import { requireAccountType } from "./require-account-type"

const requireBusiness = requireAccountType("business")

/**
 * A business account that an admin has verified: a sole trader verified
 * itself, or a member of a company (its active one) an admin verified
 * (DESIGN §10 rule 4).
 */
export function requireVerifiedBusiness() {
  return function requireVerifiedBusinessMiddleware(
    req: AuthenticatedMedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) {
    requireBusiness(req, res, async (err?: unknown) => {
      if (err) {
        return next(err)
      }
      try {
        const role = await loadCustomerRole(req)
        if (!role?.is_verified) {
          throw new MedusaError(
            MedusaError.Types.FORBIDDEN,
            role?.company
              ? `Your company ${role.company.name ?? ""} is not verified yet; a store admin must verify it before you can use this route.`.replace("  ", " ")
              : "Your business account is not verified yet; an admin must verify it before you can use this route."
          )
        }
        next()
      } catch (e) {
        next(e)
      }
    })
  }
}
