import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ClerkProfile } from "../../../utils/clerk-profile"
import { isSameEmail, listCustomersByEmail } from "../../../utils/customer-email"
import { emailHeldByAnotherCustomer } from "./resolve-sync-target"

export type ApplyClerkProfileToCustomerStepInput = {
  customer_id: string
  profile: ClerkProfile
  /**
   * False for stale data (a late webhook older than what was applied): the
   * customer only becomes registered, its email and names stay.
   */
  follow_profile: boolean
}

type CustomerProfileFields = {
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean
}

export type ApplyClerkProfileToCustomerStepOutput = {
  /** Something was written. */
  changed: boolean
  /** The fields that changed, as they are now. */
  updated: Partial<CustomerProfileFields>
}

type Compensation = { customer_id: string; previous: Partial<CustomerProfileFields> } | null

/**
 * Makes the customer follow its Clerk user (DESIGN §8 rule 2): a registered
 * account (`has_account: true`), Clerk's primary email when Clerk has
 * verified it and it differs (ignoring case), and Clerk's first and last
 * name when Clerk has one that differs. A name Clerk does not have (null)
 * leaves the store's as it is. Unchanged data writes nothing.
 *
 * The old address is then free: nothing else holds it. An email that another
 * registered customer holds (in any case) is refused with
 * `account_conflict` (409): `resolveSyncTargetStep` already refused it
 * before any write; this check and the unique index on `(email,
 * has_account)` are the backstops against a concurrent claim.
 *
 * Compensation writes back the previous values of exactly the fields it
 * changed.
 */
export const applyClerkProfileToCustomerStepId = "role-sync-apply-clerk-profile-to-customer"

export const applyClerkProfileToCustomerStep = createStep(
  applyClerkProfileToCustomerStepId,
  async (input: ApplyClerkProfileToCustomerStepInput, { container }) => {
    const customerService = container.resolve(Modules.CUSTOMER)
    const customer = await customerService.retrieveCustomer(input.customer_id, {
      select: ["id", "email", "first_name", "last_name", "has_account"],
    })
    const current: CustomerProfileFields = {
      email: customer.email ?? null,
      first_name: customer.first_name ?? null,
      last_name: customer.last_name ?? null,
      has_account: !!customer.has_account,
    }
    const { profile } = input

    const update: Partial<CustomerProfileFields> = {}
    if (!current.has_account) {
      update.has_account = true
    }
    if (input.follow_profile) {
      if (
        profile.email &&
        profile.email_verified &&
        !isSameEmail(profile.email, current.email)
      ) {
        const holders = await listCustomersByEmail(customerService, profile.email, {
          has_account: true,
        })
        if (holders.some((c) => c.id !== customer.id)) {
          throw emailHeldByAnotherCustomer(profile.email)
        }
        update.email = profile.email
      }
      if (profile.first_name && profile.first_name !== current.first_name) {
        update.first_name = profile.first_name
      }
      if (profile.last_name && profile.last_name !== current.last_name) {
        update.last_name = profile.last_name
      }
    }

    const fields = Object.keys(update) as (keyof CustomerProfileFields)[]
    if (!fields.length) {
      return new StepResponse<ApplyClerkProfileToCustomerStepOutput, Compensation>(
        { changed: false, updated: {} },
        null
      )
    }

    try {
      // `has_account` is a model column, not in core's updatable type.
      await customerService.updateCustomers(customer.id, update as Record<string, unknown>)
    } catch (e) {
      const unique =
        (e as MedusaError)?.type === MedusaError.Types.DUPLICATE_ERROR ||
        (e as { code?: unknown })?.code === "23505"
      if (unique && update.email) {
        // Another customer registered the address since the check above.
        throw emailHeldByAnotherCustomer(update.email)
      }
      throw e
    }
    const previous = Object.fromEntries(fields.map((f) => [f, current[f]]))
    return new StepResponse<ApplyClerkProfileToCustomerStepOutput, Compensation>(
      { changed: true, updated: update },
      { customer_id: customer.id, previous }
    )
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    await container
      .resolve(Modules.CUSTOMER)
      .updateCustomers(compensation.customer_id, compensation.previous as Record<string, unknown>)
  }
)
