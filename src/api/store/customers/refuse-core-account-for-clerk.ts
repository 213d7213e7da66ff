import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findClerkUserIdForIdentity } from "../../../utils/clerk-identity"

/**
 * Core `POST /store/customers` lets any fresh identity register a customer
 * with any email, without the sync's lock or its verified-email rules. A
 * Clerk identity must get its customer from `sync-role` instead.
 */
export async function refuseCoreAccountForClerk(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const authIdentityId = req.auth_context?.auth_identity_id
    if (authIdentityId && (await findClerkUserIdForIdentity(req.scope, authIdentityId))) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "Customers who sign in with Clerk get their account from POST /store/customers/sync-role."
      )
    }
    next()
  } catch (e) {
    next(e)
  }
}
