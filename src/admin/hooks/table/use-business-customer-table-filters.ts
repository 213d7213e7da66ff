import { createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminBusinessCustomer } from "../../../types"
import type { AdminBusinessCustomerListQuery } from "../api/business-customers"
import type { UrlFilterKind } from "./use-data-table-url-state"

const filterHelper = createDataTableFilterHelper<AdminBusinessCustomer>()

/** How each filter of the business customer list is kept in the URL. */
export const BUSINESS_CUSTOMER_URL_FILTERS: Record<string, UrlFilterKind> = {
  is_verified: "single",
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
    ],
    []
  )

/** The API query for the table's filters. */
export const businessCustomerFilterQuery = (
  filtering: Record<string, unknown>
): Pick<AdminBusinessCustomerListQuery, "verified"> => {
  const verified = filtering.is_verified
  return verified === "true" || verified === "false" ? { verified } : {}
}
