import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import { listCustomersByEmail } from "../../../utils/customer-email"

/**
 * Core attaches a cart to the registered customer whose email it is given,
 * signed in or not, and prices it with that customer's groups. Typing a
 * verified business's email would then buy at business prices: that email
 * is only usable by that business, signed in.
 */
export async function refuseVerifiedBusinessEmail(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const email = (req.body as Record<string, unknown> | undefined)?.email
    if (typeof email !== "string" || !email.trim()) {
      return next()
    }
    // Any case: core matches carts to customers by email as given.
    const owners = await listCustomersByEmail(req.scope.resolve(Modules.CUSTOMER), email, {
      has_account: true,
    })
    const metaService: CustomerMetaModuleService = req.scope.resolve(CUSTOMER_META_MODULE)
    for (const owner of owners) {
      if (owner.id !== req.auth_context?.actor_id && (await metaService.isVerifiedCustomer(owner.id))) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "This email belongs to a verified business account: sign in to that account to use it for a cart."
        )
      }
    }
    next()
  } catch (e) {
    next(e)
  }
}
