import { useQuery } from "@tanstack/react-query"
import { roleSyncQueryKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { AdminUserSummary } from "./types"

/** An admin user (core route), e.g. who verified a business. Off while `userId` is empty. */
export const useAdminUser = (userId: string | null | undefined) =>
  useQuery({
    queryKey: roleSyncQueryKeys.adminUser(userId ?? ""),
    queryFn: async (): Promise<AdminUserSummary> => {
      const { user } = await sdk.client.fetch<{ user: AdminUserSummary }>(
        `/admin/users/${encodeURIComponent(userId as string)}`,
        { query: { fields: "id,email,first_name,last_name" } }
      )
      return user
    },
    enabled: !!userId,
    // A deleted admin user answers 404: show the id instead of retrying.
    retry: false,
    staleTime: 5 * 60 * 1000,
  })
