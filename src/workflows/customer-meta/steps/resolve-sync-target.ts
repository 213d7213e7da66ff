import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import { isSameEmail, listCustomersByEmail } from "../../../utils/customer-email"
import { RoleSyncErrorCodes, roleSyncError } from "../../../utils/errors"

export type ResolveSyncTargetStepInput = {
  clerk_user_id: string
  auth_identity_id?: string | null
  /** Lower-cased; compared case-insensitively. */
  email: string | null
  email_verified: boolean
}

export type SyncTarget = {
  /** `bound`: this Clerk user already owns the customer. */
  mode: "bound" | "reuse_guest" | "create"
  customer_id: string | null
  /** The auth identity is not yet bound to the customer. */
  bind_identity: boolean
}

export const takeoverRefused = () =>
  roleSyncError(
    RoleSyncErrorCodes.ACCOUNT_CONFLICT,
    "A registered customer with this email already exists and is not linked to this Clerk account. Sign in to that account the way it was created, or ask the store to link them; nothing was changed."
  )

/** The verified email Clerk gives this user is another registered customer's. */
export const emailHeldByAnotherCustomer = (email: string) =>
  roleSyncError(
    RoleSyncErrorCodes.ACCOUNT_CONFLICT,
    `Your Clerk email address ${email} belongs to another registered customer of this store, so your store account can't take it. Use another address in Clerk or ask the store; nothing was changed.`
  )

/**
 * Decides which Medusa customer a Clerk user maps to. Read-only, so a refusal
 * (409, 422) leaves nothing behind. Never links by email alone: a registered
 * customer with the same email (in any case) is someone else's account, a
 * guest customer is reused only when Clerk has verified the email, and a new
 * registered customer is created only for a verified email (or none).
 *
 * A binding (the identity's `app_metadata.customer_id`, or the role's
 * `customer_id`) that points at a customer that no longer exists is treated
 * as no binding: the sync then rebinds, so such a state heals instead of
 * refusing every later sign-in.
 *
 * For a bound customer whose Clerk email changed (verified), an address
 * another registered customer holds is refused here, before any write
 * (DESIGN §8 rule 2).
 *
 * Output: `{ mode, customer_id, bind_identity }`.
 * Errors: `account_conflict`, `email_not_verified`.
 */
export const resolveSyncTargetStepId = "role-sync-resolve-sync-target"

export const resolveSyncTargetStep = createStep(
  resolveSyncTargetStepId,
  async (input: ResolveSyncTargetStepInput, { container }) => {
    const metaService: CustomerMetaModuleService =
      container.resolve(CUSTOMER_META_MODULE)
    const customerService = container.resolve(Modules.CUSTOMER)
    const authService = container.resolve(Modules.AUTH)

    const identity = input.auth_identity_id
      ? await authService.retrieveAuthIdentity(input.auth_identity_id)
      : null
    const identityValue = identity?.app_metadata?.customer_id
    const identityBinding =
      typeof identityValue === "string" && identityValue ? identityValue : null
    const meta = await metaService.retrieveByClerkUserId(input.clerk_user_id)

    const candidates = [identityBinding, meta?.customer_id].filter(
      (id): id is string => !!id
    )
    const live = new Map(
      candidates.length
        ? (
            await customerService.listCustomers(
              { id: [...new Set(candidates)] },
              { select: ["id", "email"] }
            )
          ).map((c) => [c.id, c.email ?? null] as const)
        : []
    )
    // Bindings to customers that no longer exist are no bindings.
    const identityCustomerId =
      identityBinding && live.has(identityBinding) ? identityBinding : null
    const metaCustomerId = meta && live.has(meta.customer_id) ? meta.customer_id : null

    if (identityCustomerId && metaCustomerId && identityCustomerId !== metaCustomerId) {
      // The sign-in points at one customer and the Clerk user's role at
      // another: only possible if something bypassed the sync. Refuse rather
      // than move a (maybe verified) role between customers.
      throw takeoverRefused()
    }

    const boundId = identityCustomerId ?? metaCustomerId
    if (boundId) {
      const owner =
        metaCustomerId === boundId ? meta : await metaService.retrieveByCustomerId(boundId)
      if (owner && owner.clerk_user_id !== input.clerk_user_id) {
        throw takeoverRefused()
      }
      if (input.email && input.email_verified && !isSameEmail(live.get(boundId), input.email)) {
        const holders = await listCustomersByEmail(customerService, input.email, {
          has_account: true,
        })
        if (holders.some((c) => c.id !== boundId)) {
          throw emailHeldByAnotherCustomer(input.email)
        }
      }
      return new StepResponse<SyncTarget>({
        mode: "bound",
        customer_id: boundId,
        bind_identity: !!identity && identityBinding !== boundId,
      })
    }

    if (input.email) {
      const sameEmail = await listCustomersByEmail(customerService, input.email)
      if (sameEmail.some((c) => c.has_account)) {
        throw takeoverRefused()
      }
      if (input.email_verified) {
        for (const guest of sameEmail) {
          if (!(await metaService.retrieveByCustomerId(guest.id))) {
            return new StepResponse<SyncTarget>({
              mode: "reuse_guest",
              customer_id: guest.id,
              bind_identity: !!identity,
            })
          }
        }
      }
    }

    if (input.email && !input.email_verified) {
      // A registered customer holds its email for good: claiming one that
      // Clerk has not verified would lock the real owner out (409 forever).
      throw roleSyncError(
        RoleSyncErrorCodes.EMAIL_NOT_VERIFIED,
        "Verify your email address with Clerk first: your store account is created for a verified email only. Nothing was changed."
      )
    }

    return new StepResponse<SyncTarget>({
      mode: "create",
      customer_id: null,
      bind_identity: !!identity,
    })
  }
)
