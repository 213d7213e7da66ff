import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import { RoleSyncErrorCodes, roleSyncError } from "../../../utils/errors"

export type ResolveSyncTargetStepInput = {
  clerk_user_id: string
  auth_identity_id?: string | null
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

const takeoverRefused = () =>
  roleSyncError(
    RoleSyncErrorCodes.ACCOUNT_CONFLICT,
    "A registered customer with this email already exists and is not linked to this Clerk account. Sign in to that account the way it was created, or ask the store to link them; nothing was changed."
  )

/**
 * Decides which Medusa customer a Clerk user maps to. Read-only, so a refusal
 * (409, 422) leaves nothing behind. Never links by email alone: a registered
 * customer with the same email is someone else's account, a guest customer
 * is reused only when Clerk has verified the email, and a new registered
 * customer is created only for a verified email (or none).
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
    const identityCustomerId =
      (identity?.app_metadata?.customer_id as string | undefined) ?? null
    const meta = await metaService.retrieveByClerkUserId(input.clerk_user_id)

    if (identityCustomerId && meta && meta.customer_id !== identityCustomerId) {
      // The sign-in points at one customer and the Clerk user's role at
      // another: only possible if something bypassed the sync. Refuse rather
      // than move a (maybe verified) role between customers.
      throw takeoverRefused()
    }
    const boundId = identityCustomerId ?? meta?.customer_id ?? null
    if (boundId) {
      const [customer] = await customerService.listCustomers(
        { id: boundId },
        { select: ["id"] }
      )
      if (customer) {
        // The role found above already is this customer's when they match.
        const owner =
          meta?.customer_id === boundId
            ? meta
            : await metaService.retrieveByCustomerId(boundId)
        if (owner && owner.clerk_user_id !== input.clerk_user_id) {
          throw takeoverRefused()
        }
        return new StepResponse<SyncTarget>({
          mode: "bound",
          customer_id: boundId,
          bind_identity: !!identity && identityCustomerId !== boundId,
        })
      }
      if (identityCustomerId) {
        // The identity points at a deleted customer: an inconsistent state
        // only an operator can settle.
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "This sign-in is bound to a customer that no longer exists; contact the store."
        )
      }
    }

    if (input.email) {
      const sameEmail = await customerService.listCustomers(
        { email: input.email },
        { select: ["id", "has_account"] }
      )
      if (sameEmail.some((c) => c.has_account)) {
        throw takeoverRefused()
      }
      const guest = sameEmail.find((c) => !c.has_account)
      if (guest && input.email_verified) {
        const owner = await metaService.retrieveByCustomerId(guest.id)
        if (!owner) {
          return new StepResponse<SyncTarget>({
            mode: "reuse_guest",
            customer_id: guest.id,
            bind_identity: !!identity,
          })
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
