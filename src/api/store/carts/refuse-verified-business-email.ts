import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import { exactIlikePattern, isSameEmail, normalizeEmail } from "../../../utils/customer-email"
import { RoleSyncErrorCodes, roleSyncError } from "../../../utils/errors"
import { managedGroupsOf } from "../../../utils/managed-customer-groups"
import { guardMiddleware } from "../../utils/guard-middleware"

/**
 * `POST /store/carts` and `POST /store/carts/:id`: core attaches a cart to
 * the registered customer whose email it is given, signed in or not, and
 * prices it with that customer's groups. Typing the email of a customer
 * with special prices (a verified business, or any member of a customer
 * group the plugin manages) would buy at those prices: such an email is
 * usable only by that customer, signed in (400 `entitled_email`). Emails
 * are compared case-insensitively (DESIGN §8 rule 1); other emails cost one
 * indexed query.
 */
export const refuseVerifiedBusinessEmail = guardMiddleware(async (req) => {
  const email = (req.body as Record<string, unknown> | undefined)?.email
  if (typeof email !== "string" || !normalizeEmail(email)) {
    return
  }
  // As listCustomersByEmail, with the owners' groups in the same query.
  const owners = (
    await req.scope
      .resolve(Modules.CUSTOMER)
      .listCustomers(
        { email: { $ilike: exactIlikePattern(normalizeEmail(email)) }, has_account: true },
        { select: ["id", "email", "groups.id", "groups.name", "groups.metadata"], relations: ["groups"] }
      )
  ).filter((owner) => isSameEmail(owner.email, email))
  const callerId = (req as { auth_context?: { actor_id?: string } }).auth_context?.actor_id
  const metaService: CustomerMetaModuleService = req.scope.resolve(CUSTOMER_META_MODULE)
  for (const owner of owners) {
    if (owner.id === callerId) {
      continue
    }
    const entitled =
      managedGroupsOf(req.scope, owner.groups).length > 0 ||
      (await metaService.isVerifiedCustomer(owner.id))
    if (entitled) {
      throw roleSyncError(
        RoleSyncErrorCodes.ENTITLED_EMAIL,
        "This email belongs to a verified business account: sign in to that account to use it for a cart."
      )
    }
  }
})
