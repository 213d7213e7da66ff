import { Skeleton, Text } from "@medusajs/ui"
import { useAdminUser } from "../hooks/api/users"
import { adminUserDisplayName, formatDateTime } from "../lib/format"

type VerifiedByTextProps = {
  verifiedAt: string | Date | null
  /** An admin user id, or `"vies"` when the plugin verified automatically (option `autoVerify`). */
  verifiedBy: string | null
}

/** "Nov 25, 2026, 9:40 PM by Jane Admin (jane@shop.test)"; the bare user id when that user is gone. */
export const VerifiedByText = ({ verifiedAt, verifiedBy }: VerifiedByTextProps) => {
  const isAdminUser = !!verifiedBy && verifiedBy.startsWith("user_")
  const { user, isLoading } = useAdminUser(isAdminUser ? verifiedBy : null)

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
          {!isAdminUser ? (
            <Text as="span" size="small" leading="compact" className="text-ui-fg-base">
              {verifiedBy === "vies" ? "the plugin (VIES name match)" : verifiedBy}
            </Text>
          ) : isLoading ? (
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
