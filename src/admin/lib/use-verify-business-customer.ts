import { useMutation, useQueryClient } from "@tanstack/react-query"
import { dashboardCustomerQueryKeys, roleSyncQueryKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { CustomerMeta, VerifyBusinessCustomerResponse } from "./types"

export type VerifyBusinessCustomerInput = {
  customerId: string
  verified: boolean
}

/**
 * POST /admin/customers/verify. On success every view that shows the
 * customer's verification is refreshed: the widget, the business customer
 * lists and the dashboard's customer / customer group pages (verified
 * businesses join the "Verified businesses" group).
 */
export const useVerifyBusinessCustomer = () => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: ({ customerId, verified }: VerifyBusinessCustomerInput) =>
      sdk.client.fetch<VerifyBusinessCustomerResponse>("/admin/customers/verify", {
        method: "POST",
        body: { customer_id: customerId, verified },
      }),
    onSuccess: async ({ customer_meta }, { customerId }) => {
      queryClient.setQueryData<CustomerMeta | null>(
        roleSyncQueryKeys.customerMeta(customerId),
        (previous) => (previous ? { ...previous, ...customer_meta } : customer_meta)
      )
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: roleSyncQueryKeys.customerMeta(customerId) }),
        queryClient.invalidateQueries({ queryKey: roleSyncQueryKeys.businessCustomerLists() }),
        ...dashboardCustomerQueryKeys.map((queryKey) =>
          queryClient.invalidateQueries({ queryKey: [...queryKey] })
        ),
      ])
    },
  })
}
