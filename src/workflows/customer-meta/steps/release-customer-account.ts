import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listCustomersByEmail } from "../../../utils/customer-email"

export type ReleaseCustomerAccountStepInput = {
  customer_id: string
}

export type ReleaseCustomerAccountStepOutput = {
  /** The customer is a guest now (false: it already was). */
  released: boolean
  /**
   * Another guest already had this email (Medusa keeps one customer per
   * `(email, has_account)`), so this customer was left without one.
   */
  email_cleared: boolean
}

type Compensation = {
  customer_id: string
  email: string | null
} | null

/**
 * Turns the customer of a deleted Clerk user into a guest (`has_account:
 * false`, DESIGN §8 rule 3): its orders and addresses stay the store's
 * records, and the address is free again, so the same person can sign up
 * anew (a verified email reuses this guest, with its order history).
 *
 * Medusa's unique index on customer `(email, has_account)` allows one guest
 * per email. When another guest already holds the address (in any case),
 * that guest keeps it and this customer becomes a guest without an email:
 * its orders keep their own email, and a new sign-up with the address
 * reuses the other guest. Compensation makes it registered again with its
 * email.
 */
export const releaseCustomerAccountStepId = "role-sync-release-customer-account"

export const releaseCustomerAccountStep = createStep(
  releaseCustomerAccountStepId,
  async (input: ReleaseCustomerAccountStepInput, { container }) => {
    const customerService = container.resolve(Modules.CUSTOMER)
    const customer = await customerService.retrieveCustomer(input.customer_id, {
      select: ["id", "email", "has_account"],
    })
    if (!customer.has_account) {
      return new StepResponse<ReleaseCustomerAccountStepOutput, Compensation>(
        { released: false, email_cleared: false },
        null
      )
    }
    const email = customer.email ?? null
    const otherGuest = email
      ? (await listCustomersByEmail(customerService, email, { has_account: false })).some(
          (c) => c.id !== customer.id
        )
      : false

    // `has_account` is a model column, not in core's updatable type.
    await customerService.updateCustomers(customer.id, {
      has_account: false,
      ...(otherGuest ? { email: null } : {}),
    } as Record<string, unknown>)

    return new StepResponse<ReleaseCustomerAccountStepOutput, Compensation>(
      { released: true, email_cleared: otherGuest },
      { customer_id: customer.id, email }
    )
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    await container.resolve(Modules.CUSTOMER).updateCustomers(compensation.customer_id, {
      has_account: true,
      email: compensation.email,
    } as Record<string, unknown>)
  }
)
