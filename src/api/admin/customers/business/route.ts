import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_META_MODULE } from "../../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../../modules/customer-meta/service"
import type { CustomerMetaDTO } from "../../../../modules/customer-meta/types"
import { formatAdminCustomerMeta } from "../../../../utils/format-customer-meta"
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
  const metaService: CustomerMetaModuleService =
    req.scope.resolve(CUSTOMER_META_MODULE)
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

  const [metas, count] = await metaService.listAndCountCustomerMetas(filters, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC" },
  })

  const ids = metas.map((m) => m.customer_id)
  const { data: customers } = ids.length
    ? await query.graph({
        entity: "customer",
        fields: ["id", "email", "first_name", "last_name"],
        filters: { id: ids },
      })
    : { data: [] as any[] }
  const byId = new Map<string, any>(customers.map((c: any) => [c.id, c] as [string, any]))

  res.json({
    business_customers: metas.map((meta) => {
      const customer = byId.get(meta.customer_id)
      return {
        ...formatAdminCustomerMeta(meta as CustomerMetaDTO),
        customer: customer
          ? {
              id: customer.id,
              email: customer.email ?? null,
              first_name: customer.first_name ?? null,
              last_name: customer.last_name ?? null,
            }
          : null,
      }
    }),
    count,
    limit,
    offset,
  })
}
