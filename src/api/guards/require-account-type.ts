import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { AccountType } from "../../modules/customer-meta/types"
import { loadCustomerRole } from "./load-customer-role"

/**
 * Lets the request through only for customers of `accountType`. Put it after
 * `authenticate("customer", ...)`. A declared business is a claim: use
 * `requireVerifiedBusiness()` for anything of value.
 */
export function requireAccountType(accountType: AccountType) {
  return async function requireAccountTypeMiddleware(
    req: AuthenticatedMedusaRequest,
    _res: MedusaResponse,
    next: MedusaNextFunction
  ) {
    try {
      if (!req.auth_context?.actor_id) {
        throw new MedusaError(
          MedusaError.Types.UNAUTHORIZED,
          "Sign in as a customer to use this route."
        )
      }
      const role = await loadCustomerRole(req)
      if (role?.account_type !== accountType) {
        throw new MedusaError(
          MedusaError.Types.FORBIDDEN,
          accountType === "business"
            ? "A business account is required for this route."
            : "An individual account is required for this route."
        )
      }
      next()
    } catch (e) {
      next(e)
    }
  }
}
