import { Skeleton, Text } from "@medusajs/ui"
import { adminUserDisplayName, formatDateTime } from "../lib/format"
import { useAdminUser } from "../lib/use-admin-user"

type VerifiedByTextProps = {
  verifiedAt: string | null
  verifiedBy: string | null
}

/** "Nov 25, 2026, 9:40 PM by Jane Admin (jane@shop.test)"; the bare user id when that user is gone. */
export const VerifiedByText = ({ verifiedAt, verifiedBy }: VerifiedByTextProps) => {
  const { data: user, isLoading } = useAdminUser(verifiedBy)

  return (
    <div className="flex flex-wrap items-center gap-x-1" data-testid="verified-by">
      <Text as="span" size="small" leading="compact">
        {formatDateTime(verifiedAt)}
      </Text>
      {verifiedBy && (
        <>
          <Text as="span" size="small" leading="compact">
            by
          </Text>
          {isLoading ? (
            <Skeleton className="h-4 w-32" />
          ) : (
            <Text as="span" size="small" leading="compact" className="text-ui-fg-base">
              {user ? adminUserDisplayName(user) : verifiedBy}
            </Text>
          )}
        </>
      )}
    </div>
  )
}
