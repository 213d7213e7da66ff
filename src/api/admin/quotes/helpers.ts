import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { formatQuote, QUOTE_FIELDS } from "../../utils/format-quote"

/** Quote columns plus the customer (read-only links) for the admin. */
export const ADMIN_QUOTE_FIELDS = [
  ...QUOTE_FIELDS,
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
  "customer.customer_meta.company_name",
  "customer.customer_meta.is_verified",
  "company.id",
  "company.name",
  "company.is_verified",
]

export function formatAdminQuote(quote: Record<string, any>) {
  const customer = quote.customer
  return {
    ...formatQuote(quote),
    customer: customer
      ? {
          id: customer.id,
          email: customer.email ?? null,
          first_name: customer.first_name ?? null,
          last_name: customer.last_name ?? null,
          company_name: customer.customer_meta?.company_name ?? null,
          // A declared business is a claim; the admin prices knowing this.
          is_verified: customer.customer_meta?.is_verified ?? false,
        }
      : null,
    // The company the quote belongs to (DESIGN §10 rule 3); its verification
    // is what counts for its members.
    company: quote.company
      ? { id: quote.company.id, name: quote.company.name, is_verified: !!quote.company.is_verified }
      : null,
  }
}

export async function fetchAdminQuote(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [quote],
  } = await query.graph({
    entity: "quote_request",
    fields: ADMIN_QUOTE_FIELDS,
    filters: { id },
  })
  if (!quote) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Quote ${id} was not found.`)
  }
  return formatAdminQuote(quote)
}
