import type { FetchError } from "@medusajs/js-sdk"
import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query"
import type {
  AdminCustomerMeta,
  AdminCustomerMetaResponse,
  AdminVerifyBusinessCustomerBody,
} from "../../../types"
import { createQueryKeys, dashboardCustomerQueryKeys } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"
import { businessCustomerQueryKeys } from "./business-customers"

/** A customer's role, keyed by the customer id. */
export const customerMetaQueryKeys = createQueryKeys("customer-meta")

/**
 * The customer's synced Clerk role, read on Medusa's own customer route
 * through the customer -> customer_meta link. `null` when the customer has
 * never signed in through Clerk.
 */
export const fetchCustomerMeta = async (customerId: string): Promise<AdminCustomerMeta | null> => {
  const { customer } = await sdk.admin.customer.retrieve(customerId, { fields: "*customer_meta" })
  return (customer as { customer_meta?: AdminCustomerMeta | null }).customer_meta ?? null
}

export const useCustomerMeta = (
  customerId: string,
  options?: Omit<
    UseQueryOptions<AdminCustomerMeta | null, FetchError, AdminCustomerMeta | null, ReturnType<typeof customerMetaQueryKeys.detail>>,
    "queryKey" | "queryFn"
  >
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerMetaQueryKeys.detail(customerId),
    queryFn: () => fetchCustomerMeta(customerId),
    enabled: !!customerId,
    ...options,
  })
  return { customer_meta: data, ...rest }
}

/**
 * Body of `POST /admin/customers/verify` as the admin sends it: always with
 * `expected_updated_at`, the `updated_at` of the role the admin reviewed
 * (a row changed since answers `409 version_conflict` and writes nothing).
 */
export type AdminVerifyBusinessCustomerInput = AdminVerifyBusinessCustomerBody &
  Required<Pick<AdminVerifyBusinessCustomerBody, "verified" | "expected_updated_at">>

/**
 * `POST /admin/customers/verify`. On success every view that shows the
 * customer's verification is refreshed: the widget, the business customer
 * lists and the dashboard's customer / customer group pages (verified
 * businesses join the "Verified businesses" group).
 */
export const useVerifyBusinessCustomer = (
  options?: UseMutationOptions<AdminCustomerMetaResponse, FetchError, AdminVerifyBusinessCustomerInput>
) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (body: AdminVerifyBusinessCustomerInput) =>
      sdk.client.fetch<AdminCustomerMetaResponse>("/admin/customers/verify", {
        method: "POST",
        body,
      }),
    ...options,
    onSuccess: async (data, variables, context) => {
      queryClient.setQueryData<AdminCustomerMeta | null>(
        customerMetaQueryKeys.detail(variables.customer_id),
        (previous) => (previous ? { ...previous, ...data.customer_meta } : data.customer_meta)
      )
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: customerMetaQueryKeys.detail(variables.customer_id) }),
        queryClient.invalidateQueries({ queryKey: businessCustomerQueryKeys.lists() }),
        ...dashboardCustomerQueryKeys.map((queryKey) =>
          queryClient.invalidateQueries({ queryKey: [...queryKey] })
        ),
      ])
      await options?.onSuccess?.(data, variables, context)
    },
  })
}
