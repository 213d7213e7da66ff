import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { CustomerMetaDTO } from "../../../../modules/customer-meta/types"
import {
  ADMIN_CUSTOMER_META_FIELDS,
  formatAdminCustomerMeta,
} from "../../../utils/format-customer-meta"
import type { AdminListBusinessCustomersParamsType } from "../validators"

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * Business customers for the admin: filter by verification, search company,
 * tax ID or email. Email lives in the Customer Module, so it is matched
 * there first and joined by id.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListBusinessCustomersParamsType>,
  res: MedusaResponse
) => {
  const { verified, q, limit, offset } =
    req.validatedQuery as unknown as AdminListBusinessCustomersParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  const filters: Record<string, unknown> = { account_type: "business" }
  if (verified !== undefined) {
    filters.is_verified = verified === "true"
  }
  if (q) {
    const pattern = likePattern(q)
    const emailMatches = await req.scope
      .resolve(Modules.CUSTOMER)
      .listCustomers({ email: { $ilike: pattern } }, { select: ["id"], take: 1000 })
    filters.$or = [
      { company_name: { $ilike: pattern } },
      { tax_id: { $ilike: pattern } },
      ...(emailMatches.length ? [{ customer_id: emailMatches.map((c) => c.id) }] : []),
    ]
  }

  // One Query through the read-only customer_meta -> customer link.
  const { data: metas, metadata } = await query.graph({
    entity: "customer_meta",
    fields: [
      ...ADMIN_CUSTOMER_META_FIELDS,
      "customer.id",
      "customer.email",
      "customer.first_name",
      "customer.last_name",
    ],
    filters,
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })

  res.json({
    business_customers: metas.map(({ customer, ...meta }: any) => ({
      ...formatAdminCustomerMeta(meta as CustomerMetaDTO),
      customer: customer
        ? {
            id: customer.id,
            email: customer.email ?? null,
            first_name: customer.first_name ?? null,
            last_name: customer.last_name ?? null,
          }
        : null,
    })),
    count: metadata?.count ?? metas.length,
    limit,
    offset,
  })
}
