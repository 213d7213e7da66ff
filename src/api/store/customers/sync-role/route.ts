import {
  refetchEntity,
  type AuthenticatedMedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CLERK_MODULE } from "../../../../modules/clerk"
import type ClerkModuleService from "../../../../modules/clerk/service"
import { syncCustomerRoleWorkflow } from "../../../../workflows/customer-meta"
import { getClerkUserIdForIdentity } from "../../../../utils/clerk-identity"
import { withRoleSyncErrors } from "../../../utils/role-sync-error-response"

/**
 * Syncs the caller's Clerk user into a Medusa customer and its role. The
 * Clerk user is read server-side with the store's secret key: nothing in the
 * request body is trusted. A deleted (tombstoned) Clerk user is refused with
 * `401 clerk_user_deleted` before any Clerk call; the workflow's errors
 * answer their documented statuses (409, 422, 503).
 */
export const POST = withRoleSyncErrors(async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const clerk: ClerkModuleService = req.scope.resolve(CLERK_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  const clerkUserId = await getClerkUserIdForIdentity(
    req.scope,
    req.auth_context.auth_identity_id
  )
  const clerkUser = await clerk.getUser(clerkUserId)

  const { result } = await syncCustomerRoleWorkflow(req.scope).run({
    input: {
      clerk_user: clerkUser,
      auth_identity_id: req.auth_context.auth_identity_id,
      account_type_source: clerk.getOptions().accountTypeSource,
    },
  })

  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name"],
    filters: { id: result.customer_id },
  })

  const customer_meta = await refetchEntity({
    entity: "customer_meta",
    idOrFilter: result.customer_meta.id,
    scope: req.scope,
    fields: req.queryConfig.fields,
  })

  res.status(200).json({
    customer_meta,
    customer: {
      id: customer.id,
      email: customer.email ?? null,
      first_name: customer.first_name ?? null,
      last_name: customer.last_name ?? null,
    },
    created: result.created,
  })
})
