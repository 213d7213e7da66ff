import type { MedusaContainer } from "@medusajs/framework/types"
import { CLERK_MODULE } from "../../../modules/clerk"
import type ClerkModuleService from "../../../modules/clerk/service"
import type {
  ClerkWebhookEvent,
  ClerkWebhookEventType,
} from "../../../modules/clerk/webhook-event"
import { isRoleSyncError, RoleSyncErrorCodes } from "../../../utils/errors"
import {
  applyOrganizationMembershipWorkflow,
  applyOrganizationWorkflow,
  deleteOrganizationWorkflow,
} from "../../../workflows/company"
import {
  deleteClerkUserWorkflow,
  syncCustomerRoleWorkflow,
  type SyncCustomerRoleWorkflowOutput,
} from "../../../workflows/customer-meta"

/** What a delivery did; `ignored` says why nothing was applied. */
export type ClerkWebhookOutcome = {
  customer_id?: string | null
  company_id?: string | null
  changed?: boolean
  deleted?: boolean
  ignored?: string
  /** Log level for an ignored delivery: expected ones are `info`. */
  level?: "info" | "warn"
}

type Handler<T extends ClerkWebhookEventType> = (
  scope: MedusaContainer,
  event: ClerkWebhookEvent & { type: T }
) => Promise<ClerkWebhookOutcome>

/** `user.created` / `user.updated`: the same sync as a sign-in, from the payload. */
const applyClerkUser: Handler<"user.created" | "user.updated"> = async (
  scope,
  { data: clerkUser }
) => {
  const clerk: ClerkModuleService = scope.resolve(CLERK_MODULE)
  let result: SyncCustomerRoleWorkflowOutput
  try {
    ;({ result } = await syncCustomerRoleWorkflow(scope).run({
      input: {
        clerk_user: clerkUser,
        // The identity is bound at the customer's next sign-in + sync.
        auth_identity_id: null,
        account_type_source: clerk.getOptions().accountTypeSource,
      },
    }))
  } catch (e) {
    if (isRoleSyncError(e, RoleSyncErrorCodes.CLERK_USER_DELETED)) {
      // The tombstone of user.deleted: Clerk never reuses a user id.
      return {
        ignored: "the Clerk user was deleted; a late delivery does not bring it back",
        level: "info",
      }
    }
    throw e
  }
  const changed = result.changed || result.customer_changed
  if (result.stale) {
    return {
      customer_id: result.customer_id,
      changed,
      ignored: "stale: newer data of this Clerk user was already applied",
      level: "info",
    }
  }
  return { customer_id: result.customer_id, changed }
}

/**
 * `user.deleted`: the role and the account end, the customer stays as a
 * guest with its orders, and the Clerk user id is tombstoned (even when no
 * customer was linked yet, so a late `user.created` is ignored).
 */
const deleteClerkUser: Handler<"user.deleted"> = async (scope, { data }) => {
  const { result } = await deleteClerkUserWorkflow(scope).run({
    input: { clerk_user_id: data.id },
  })
  if (!result.found) {
    return { deleted: false, ignored: "no customer is linked to this Clerk user", level: "info" }
  }
  return { customer_id: result.customer_id, deleted: true }
}

/** `organization.created` / `organization.updated`: the company follows (name; a rename resets verification). */
const applyOrganization: Handler<"organization.created" | "organization.updated"> = async (
  scope,
  { data: organization }
) => {
  const { result } = await applyOrganizationWorkflow(scope).run({ input: { organization } })
  if (!result.company_id) {
    return { ignored: "the organization was deleted; a late delivery does not bring it back", level: "info" }
  }
  return { company_id: result.company_id, changed: result.created || result.renamed }
}

/** `organization.deleted`: the company is soft-deleted; its quotes and orders stay. */
const deleteOrganization: Handler<"organization.deleted"> = async (scope, { data }) => {
  const { result } = await deleteOrganizationWorkflow(scope).run({
    input: { clerk_organization_id: data.id },
  })
  if (!result.company_id) {
    return { deleted: false, ignored: "no company for this organization", level: "info" }
  }
  return { company_id: result.company_id, deleted: true }
}

/** `organizationMembership.*`: members and roles follow Clerk; a removal takes effect at once. */
const applyMembership: Handler<
  "organizationMembership.created" | "organizationMembership.updated" | "organizationMembership.deleted"
> = async (scope, { type, data: membership }) => {
  const { result } = await applyOrganizationMembershipWorkflow(scope).run({
    input: { membership, deleted: type === "organizationMembership.deleted" },
  })
  return {
    customer_id: result.customer_id,
    changed: result.changed,
    ...(result.ignored ? { ignored: result.ignored, level: "info" as const } : {}),
  }
}

/** One handler per event type the plugin applies. */
export const clerkWebhookHandlers: { [T in ClerkWebhookEventType]: Handler<T> } = {
  "user.created": applyClerkUser,
  "user.updated": applyClerkUser,
  "user.deleted": deleteClerkUser,
  "organization.created": applyOrganization,
  "organization.updated": applyOrganization,
  "organization.deleted": deleteOrganization,
  "organizationMembership.created": applyMembership,
  "organizationMembership.updated": applyMembership,
  "organizationMembership.deleted": applyMembership,
}
