/**
 * Widget zones the plugin's pages offer to host apps. A host widget with
 * `defineWidgetConfig({ zone: "role_sync_quote.details" })` renders in the
 * main column of the quote page, `"role_sync_quote.details.side"` in its side
 * column; both receive `{ data: AdminQuote }`. Documented in the README.
 */
export const QUOTE_DETAILS_ZONE = "role_sync_quote.details"

/**
 * The company page's zones: `"role_sync_company.details"` (main column) and
 * `"role_sync_company.details.side"`; both receive `{ data: AdminCompanyDetail }`.
 */
export const COMPANY_DETAILS_ZONE = "role_sync_company.details"
