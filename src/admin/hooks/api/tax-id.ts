import type { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect } from "react"
import type { AdminCustomerTaxIdResponse } from "../../../types"
import { createQueryKeys } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"
import { businessCustomerQueryKeys } from "./business-customers"
import { customerMetaQueryKeys } from "./customer-meta"

/** A customer's tax ID with its VIES checks, keyed by the customer id. */
export const taxIdQueryKeys = createQueryKeys("customer-tax-id")

/** How often a check that is about to get its answer is polled (ms). */
const POLL_MS = 2000
/** Only checks whose next VIES call is this close are polled (ms); later retries are minutes away. */
const POLL_HORIZON_MS = 60_000

const answerIsNear = (data: AdminCustomerTaxIdResponse | undefined) => {
  const check = data?.tax_id_check
  if (!check || check.status !== "pending" || check.attempts >= check.max_attempts) {
    return false
  }
  if (check.attempts === 0) {
    // Started, VIES not asked yet: the background run takes a moment.
    return true
  }
  return !!check.next_attempt_at && new Date(check.next_attempt_at).getTime() - Date.now() < POLL_HORIZON_MS
}

/**
 * `GET /admin/customers/:id/tax-id`: the role, its current VIES check with
 * the evidence, and the last checks. While an answer is due soon (a check
 * just started, or its next retry is under a minute away) it is polled.
 */
export const useCustomerTaxId = (customerId: string, { enabled = true }: { enabled?: boolean } = {}) => {
  const { data, ...rest } = useQuery<AdminCustomerTaxIdResponse, FetchError>({
    queryKey: taxIdQueryKeys.detail(customerId),
    queryFn: () =>
      sdk.client.fetch<AdminCustomerTaxIdResponse>(`/admin/customers/${encodeURIComponent(customerId)}/tax-id`),
    enabled: enabled && !!customerId,
    refetchInterval: (query) => (answerIsNear(query.state.data) ? POLL_MS : false),
  })

  // A VIES answer changes the role (status, checked_at, updated_at): every view of it follows, and a
  // verification sends the version the admin now sees.
  const queryClient = useQueryClient()
  const meta = data?.customer_meta
  useEffect(() => {
    if (!meta) {
      return
    }
    const key = customerMetaQueryKeys.detail(customerId)
    const shown = queryClient.getQueryData<{ updated_at: string | Date } | null>(key)
    if (shown && new Date(shown.updated_at).getTime() !== new Date(meta.updated_at).getTime()) {
      queryClient.setQueryData(key, meta)
      void queryClient.invalidateQueries({ queryKey: businessCustomerQueryKeys.lists() })
    }
  }, [meta, customerId, queryClient])

  return { ...data, ...rest }
}

/**
 * `POST /admin/customers/:id/tax-id/check` ("Check again"): a new VIES check
 * of the customer's EU VAT number, asked in the background (202, pending).
 * The widget then polls for the answer; the business lists refresh.
 */
export const useCheckTaxIdAgain = (customerId: string) => {
  const queryClient = useQueryClient()
  return useMutation<AdminCustomerTaxIdResponse, FetchError, void>({
    mutationFn: () =>
      sdk.client.fetch<AdminCustomerTaxIdResponse>(
        `/admin/customers/${encodeURIComponent(customerId)}/tax-id/check`,
        { method: "POST" }
      ),
    onSuccess: async (data) => {
      queryClient.setQueryData(taxIdQueryKeys.detail(customerId), data)
      queryClient.setQueryData(customerMetaQueryKeys.detail(customerId), data.customer_meta)
      await queryClient.invalidateQueries({ queryKey: businessCustomerQueryKeys.lists() })
    },
  })
}
