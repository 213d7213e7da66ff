import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import type { AccountType } from "../../../modules/customer-meta/types"
import { findClerkProviderIdentity } from "../../../utils/clerk-identity"

export type LoadClerkUserBindingStepInput = {
  clerk_user_id: string
}

export type ClerkUserBinding = {
  /** The live `customer_meta` of this Clerk user, if any. */
  customer_meta: {
    id: string
    customer_id: string
    account_type: AccountType
    is_verified: boolean
  } | null
  /**
   * The auth identity Medusa created for this Clerk user (provider `clerk`,
   * `entity_id` = Clerk user id), when it is bound to a customer.
   */
  bound_auth_identity_id: string | null
  /** The customer that identity is bound to. */
  bound_customer_id: string | null
  /**
   * The customer this Clerk user stands for (its role's, else the bound
   * one), when that customer still exists.
   */
  customer_id: string | null
}

/**
 * What ties a Clerk user to Medusa: its `customer_meta`, its bound auth
 * identity and its customer. Read-only; run it under the Clerk user's lock.
 */
export const loadClerkUserBindingStepId = "role-sync-load-clerk-user-binding"

export const loadClerkUserBindingStep = createStep(
  loadClerkUserBindingStepId,
  async (input: LoadClerkUserBindingStepInput, { container }) => {
    const metaService: CustomerMetaModuleService =
      container.resolve(CUSTOMER_META_MODULE)
    const authService = container.resolve(Modules.AUTH)
    const customerService = container.resolve(Modules.CUSTOMER)

    const meta = await metaService.retrieveByClerkUserId(input.clerk_user_id)
    const providerIdentity = await findClerkProviderIdentity(container, input.clerk_user_id)

    let boundAuthIdentityId: string | null = null
    let boundCustomerId: string | null = null
    if (providerIdentity?.auth_identity_id) {
      const identity = await authService.retrieveAuthIdentity(
        providerIdentity.auth_identity_id
      )
      const customerId = identity.app_metadata?.customer_id
      if (typeof customerId === "string" && customerId) {
        boundAuthIdentityId = identity.id
        boundCustomerId = customerId
      }
    }

    const candidates = [meta?.customer_id, boundCustomerId].filter(
      (id): id is string => !!id
    )
    const live = new Set(
      candidates.length
        ? (await customerService.listCustomers({ id: candidates }, { select: ["id"] })).map(
            (c) => c.id
          )
        : []
    )
    // The role's customer first: it is the one the store knows this user by.
    const customerId = candidates.find((id) => live.has(id)) ?? null

    return new StepResponse<ClerkUserBinding>({
      customer_meta: meta
        ? {
            id: meta.id,
            customer_id: meta.customer_id,
            account_type: meta.account_type,
            is_verified: meta.is_verified,
          }
        : null,
      bound_auth_identity_id: boundAuthIdentityId,
      bound_customer_id: boundCustomerId,
      customer_id: customerId,
    })
  }
)
