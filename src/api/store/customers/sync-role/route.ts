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
import type { StoreSyncRoleBodyType } from "./validators"

/**
 * Syncs the caller's Clerk user into a Medusa customer and its role, and
 * the user's organization memberships into companies (DESIGN §10). The
 * Clerk user and memberships are read server-side with the store's secret
 * key (two Backend API calls, in parallel): nothing in the request body is
 * trusted except the choice of active company (`organization_id`), which
 * must be one of the user's real memberships (403 otherwise). A deleted
 * (tombstoned) Clerk user is refused with `401 clerk_user_deleted` before
 * any Clerk call; the workflow's errors answer their documented statuses
 * (409, 422, 503).
 */
export const POST = withRoleSyncErrors(async (
  req: AuthenticatedMedusaRequest<StoreSyncRoleBodyType>,
  res: MedusaResponse
) => {
  const clerk: ClerkModuleService = req.scope.resolve(CLERK_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  const clerkUserId = await getClerkUserIdForIdentity(
    req.scope,
    req.auth_context.auth_identity_id
  )
  const readAt = Date.now()
  const [clerkUser, memberships] = await Promise.all([
    clerk.getUser(clerkUserId),
    clerk.getOrganizationMemberships(clerkUserId),
  ])

  const { result } = await syncCustomerRoleWorkflow(req.scope).run({
    input: {
      clerk_user: clerkUser,
      auth_identity_id: req.auth_context.auth_identity_id,
      account_type_source: clerk.getOptions().accountTypeSource,
      memberships,
      memberships_read_at: readAt,
      organization_id: req.validatedBody?.organization_id ?? null,
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
    company: result.company ?? null,
    companies: result.companies ?? [],
  })
})
