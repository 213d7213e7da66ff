import type { FetchError } from "@medusajs/js-sdk"
import type { HttpTypes } from "@medusajs/framework/types"
import { useQuery } from "@tanstack/react-query"
import { createQueryKeys } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"

export const adminUserQueryKeys = createQueryKeys("users")

/** An admin user (core route), e.g. who verified a business. Off while `userId` is empty. */
export const useAdminUser = (userId: string | null | undefined) => {
  const { data, ...rest } = useQuery<HttpTypes.AdminUserResponse, FetchError>({
    queryKey: adminUserQueryKeys.detail(userId ?? ""),
    queryFn: () =>
      sdk.admin.user.retrieve(userId as string, { fields: "id,email,first_name,last_name" }),
    enabled: !!userId,
    // A deleted admin user answers 404: show the id instead of retrying.
    retry: false,
    staleTime: 5 * 60 * 1000,
  })
  return { user: data?.user, ...rest }
}
