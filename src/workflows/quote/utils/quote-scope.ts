/**
 * Which quotes a store caller may see and act on (DESIGN §10 rule 3): a
 * company member, its active company's quotes (whoever asked for them); a
 * sole trader, its own quotes made without a company. No scope (admins):
 * every quote.
 */
export function quoteScopeFilters(scope: {
  customer_id?: string | null
  company_id?: string | null
}): Record<string, string | null> {
  if (scope.company_id) {
    return { company_id: scope.company_id }
  }
  if (scope.customer_id) {
    return { customer_id: scope.customer_id, company_id: null }
  }
  return {}
}
