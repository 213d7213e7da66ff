import { useQuery } from "@tanstack/react-query"
import { roleSyncQueryKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { CustomerMeta, CustomerWithMetaResponse } from "./types"

/**
 * The customer's synced Clerk role, read on Medusa's own customer route
 * through the customer -> customer_meta link. `null` when the customer has
 * never been synced (no Clerk sign-in yet).
 */
export const useCustomerMeta = (customerId: string) =>
  useQuery({
    queryKey: roleSyncQueryKeys.customerMeta(customerId),
    queryFn: async (): Promise<CustomerMeta | null> => {
      const { customer } = await sdk.client.fetch<CustomerWithMetaResponse>(
        `/admin/customers/${encodeURIComponent(customerId)}`,
        { query: { fields: "*customer_meta" } }
      )
      return customer.customer_meta ?? null
    },
    enabled: !!customerId,
  })
