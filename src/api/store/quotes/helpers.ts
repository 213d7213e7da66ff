import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { quoteScopeFilters } from "../../../workflows/quote/utils/quote-scope"
import { loadCustomerRole } from "../../guards"
import { formatQuote, QUOTE_FIELDS } from "../../utils/format-quote"

/** Whose quotes a store caller sees: their company's, or their own. */
export type QuoteScope = { customer_id: string; company_id: string | null }

/**
 * The caller's quote scope (DESIGN §10 rule 3), from the role the guards
 * already loaded (no extra read): a company member works on its active
 * company's quotes, anyone else on their own.
 */
export async function callerQuoteScope(req: AuthenticatedMedusaRequest): Promise<QuoteScope> {
  const role = await loadCustomerRole(req)
  return { customer_id: req.auth_context.actor_id, company_id: role?.company?.id ?? null }
}

/** A quote in the caller's scope; any other id is a 404 so ids can't be probed. */
export async function fetchCustomerQuote(
  scope: MedusaContainer,
  id: string,
  quoteScope: QuoteScope
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [quote],
  } = await query.graph({
    entity: "quote_request",
    fields: QUOTE_FIELDS,
    filters: { id, ...quoteScopeFilters(quoteScope) },
  })
  if (!quote) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Quote ${id} was not found.`)
  }
  return formatQuote(quote)
}
