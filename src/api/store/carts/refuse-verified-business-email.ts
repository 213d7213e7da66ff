import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import { RoleSyncErrorCodes, roleSyncError } from "../../../utils/errors"
import { managedGroupsOf } from "../../../utils/managed-customer-groups"
import { guardMiddleware } from "../../utils/guard-middleware"

/** `email` as an exact, case-insensitive ILIKE pattern (`%`, `_`, `\` literal). */
const exactILike = (email: string) => email.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * `POST /store/carts` and `POST /store/carts/:id`: core attaches a cart to
 * the registered customer whose email it is given, signed in or not, and
 * prices it with that customer's groups. Typing the email of a customer
 * with special prices (a verified business, or any member of a customer
 * group the plugin manages) would buy at those prices: such an email is
 * usable only by that customer, signed in (400 `entitled_email`). Emails
 * are compared case-insensitively; other emails cost one indexed query.
 */
export const refuseVerifiedBusinessEmail = guardMiddleware(async (req) => {
  const email = (req.body as Record<string, unknown> | undefined)?.email
  if (typeof email !== "string" || !email.trim()) {
    return
  }
  const owners = await req.scope
    .resolve(Modules.CUSTOMER)
    .listCustomers(
      { email: { $ilike: exactILike(email.trim()) }, has_account: true },
      { select: ["id", "groups.id", "groups.name", "groups.metadata"], relations: ["groups"] }
    )
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
