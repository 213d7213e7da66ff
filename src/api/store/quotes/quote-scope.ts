import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { quoteScopeFilters } from "../../../workflows/quote/utils/quote-scope"
import { loadCustomerRole } from "../../guards"

/** Whose quotes a store caller works on: their company's, or their own. */
export type QuoteScope = { customer_id: string; company_id: string | null }

/**
 * The caller's quote scope (DESIGN §10 rule 3), from the role the guards
 * already loaded (memoized: no extra read): a company member works on its
 * active company's quotes, anyone else on their own quotes made without a
 * company.
 */
export async function callerQuoteScope(req: AuthenticatedMedusaRequest): Promise<QuoteScope> {
  const role = await loadCustomerRole(req)
  return { customer_id: req.auth_context.actor_id, company_id: role?.company?.id ?? null }
}

/** The Query filters of a scope, put last so no filter of the caller's can widen it. */
export const scopeFilters = (scope: QuoteScope) => quoteScopeFilters(scope)
