import { createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminCompany } from "../../../types"
import type { AdminCompanyListQuery } from "../api/companies"
import type { UrlFilterKind } from "./use-data-table-url-state"

const filterHelper = createDataTableFilterHelper<AdminCompany>()

export const COMPANY_URL_FILTERS: Record<string, UrlFilterKind> = { is_verified: "single" }

/** The Companies list's filters (DataTable filter menu). */
export const useCompanyTableFilters = () =>
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

export const companyFilterQuery = (filtering: Record<string, unknown>): Pick<AdminCompanyListQuery, "verified"> => {
  const verified = filtering.is_verified
  return verified === "true" || verified === "false" ? { verified } : {}
}
