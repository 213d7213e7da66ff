import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { CompanyRole } from "../../types/company"
import { loadCustomerRole } from "./load-customer-role"

const list = (roles: readonly string[]) =>
  roles.length <= 1 ? roles.join("") : `${roles.slice(0, -1).join(", ")} or ${roles[roles.length - 1]}`

function companyRoleGuard(roles: CompanyRole[], { soleTradersPass }: { soleTradersPass: boolean }) {
  if (!roles.length) {
    throw new Error("requireCompanyRole needs at least one role")
  }
  return async function requireCompanyRoleMiddleware(
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
      const company = role?.company
      if (!company) {
        if (soleTradersPass) {
          return next()
        }
        throw new MedusaError(
          MedusaError.Types.FORBIDDEN,
          `This route is for members of a company with the role ${list(roles)}; you are not buying for a company.`
        )
      }
      if (!roles.includes(company.role)) {
        throw new MedusaError(
          MedusaError.Types.FORBIDDEN,
          `This needs the company role ${list(roles)}; your role in ${company.name ?? "your company"} is ${company.role}.`
        )
      }
      next()
    } catch (e) {
      next(e)
    }
  }
}

/**
 * Lets the request through only for members of a company (their active
 * one) whose role is one of `roles`; `403` naming the roles needed and the
 * caller's own otherwise. The role comes from Clerk (DESIGN §10 rule 1)
 * through the cached role row: one indexed read, no Clerk call. Put it after
 * `authenticate("customer", ...)`.
 *
 * @example requireCompanyRole("admin") // company admins only
 */
export function requireCompanyRole(...roles: CompanyRole[]) {
  return companyRoleGuard(roles, { soleTradersPass: false })
}

/**
 * Like `requireCompanyRole`, but callers who buy for no company (sole
 * traders, individuals) pass: for routes that serve both, where another
 * guard decides about them (e.g. `requireAccountType("business")`).
 */
export function requireCompanyRoleIfMember(...roles: CompanyRole[]) {
  return companyRoleGuard(roles, { soleTradersPass: true })
}
