import { createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { TAX_ID_STATUSES, type AdminBusinessCustomer, type TaxIdStatus } from "../../../types"
import { TAX_ID_STATUS_LABELS } from "../../components/tax-id-status-badge"
import type { AdminBusinessCustomerListQuery } from "../api/business-customers"
import type { UrlFilterKind } from "./use-data-table-url-state"

const filterHelper = createDataTableFilterHelper<AdminBusinessCustomer>()

/** How each filter of the business customer list is kept in the URL. */
export const BUSINESS_CUSTOMER_URL_FILTERS: Record<string, UrlFilterKind> = {
  is_verified: "single",
  tax_id_status: "multiple",
  tax_id_flagged_at: "single",
}

/** The filters of the business customer list (DataTable filter menu). */
export const useBusinessCustomerTableFilters = () =>
  useMemo(
    () => [
      filterHelper.accessor("is_verified", {
        type: "radio",
        label: "Verification",
        options: [
          { label: "Verified", value: "true" },
          { label: "Not verified", value: "false" },
        ],
      }),
      filterHelper.accessor("tax_id_status", {
        type: "multiselect",
        label: "Tax ID status",
        options: TAX_ID_STATUSES.map((status) => ({ label: TAX_ID_STATUS_LABELS[status], value: status })),
      }),
      filterHelper.accessor("tax_id_flagged_at", {
        type: "radio",
        label: "VIES flag",
        options: [{ label: "Verified, but not registered (VIES)", value: "true" }],
      }),
    ],
    []
  )

/** The API query for the table's filters (values a hand-edited URL can't mean are dropped). */
export const businessCustomerFilterQuery = (
  filtering: Record<string, unknown>
): Pick<AdminBusinessCustomerListQuery, "verified" | "tax_id_status" | "tax_id_flagged"> => {
  const query: Pick<AdminBusinessCustomerListQuery, "verified" | "tax_id_status" | "tax_id_flagged"> = {}
  const verified = filtering.is_verified
  if (verified === "true" || verified === "false") {
    query.verified = verified
  }
  const statuses = (Array.isArray(filtering.tax_id_status) ? filtering.tax_id_status : []).filter(
    (value): value is TaxIdStatus => (TAX_ID_STATUSES as readonly string[]).includes(value)
  )
  if (statuses.length) {
    query.tax_id_status = statuses.join(",")
  }
  if (filtering.tax_id_flagged_at === "true") {
    query.tax_id_flagged = "true"
  }
  return query
}
