import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type SetAuthIdentityCustomerStepInput = {
  auth_identity_id: string
  /** The customer the identity acts as from now on; null unbinds it. */
  customer_id: string | null
}

type Compensation = {
  auth_identity_id: string
  /** `app_metadata.customer_id` before the step (null when unbound). */
  previous_customer_id: string | null
} | null

/** The customer an identity is bound to; null (or absent) when unbound. */
const boundCustomerId = (appMetadata: Record<string, unknown> | null | undefined) => {
  const value = appMetadata?.customer_id
  return typeof value === "string" && value ? value : null
}

/**
 * Binds an auth identity to a customer (`app_metadata.customer_id`, what
 * Medusa puts into the customer's token as `actor_id`) or unbinds it.
 *
 * Used instead of core's `setAuthAppMetadataStep`, for two reasons:
 * - core's refuses to replace an existing binding, so a binding to a
 *   customer that no longer exists could never heal;
 * - core's compensation of a bind deletes the key and saves the object, but
 *   the Auth Module's update merges JSON objects (`mergeObjectProperties`),
 *   so the deleted key survives and a rolled-back sync stayed bound to a
 *   customer that no longer existed.
 * Here an unbound identity holds `customer_id: null` (Medusa treats null and
 * absent alike), and compensation writes back the exact previous value.
 * Other keys of `app_metadata` (e.g. `user_id`) are never touched. No change
 * → no write, nothing to compensate.
 */
export const setAuthIdentityCustomerStepId = "role-sync-set-auth-identity-customer"

export const setAuthIdentityCustomerStep = createStep(
  setAuthIdentityCustomerStepId,
  async (input: SetAuthIdentityCustomerStepInput, { container }) => {
    const authService = container.resolve(Modules.AUTH)
    const identity = await authService.retrieveAuthIdentity(input.auth_identity_id)
    const previous = boundCustomerId(identity.app_metadata)
    if (previous === input.customer_id) {
      return new StepResponse<void, Compensation>(undefined, null)
    }
    await authService.updateAuthIdentities({
      id: identity.id,
      app_metadata: { customer_id: input.customer_id },
    })
    return new StepResponse<void, Compensation>(undefined, {
      auth_identity_id: identity.id,
      previous_customer_id: previous,
    })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    await container.resolve(Modules.AUTH).updateAuthIdentities({
      id: compensation.auth_identity_id,
      app_metadata: { customer_id: compensation.previous_customer_id },
    })
  }
)
