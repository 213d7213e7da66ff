import type { CustomerMetaDTO } from "../../../modules/customer-meta/types"
import { RoleSyncErrorCodes, roleSyncError } from "../../../utils/errors"

/**
 * Throws `version_conflict` (409 on the plugin's route) with the current
 * row as `details.customer_meta` when `expected` is given and the row's
 * `updated_at` differs from it (compared in milliseconds, the precision the
 * row is served with).
 */
export function assertReviewedVersion(meta: CustomerMetaDTO, expected?: string | null) {
  if (!expected) {
    return
  }
  const current = new Date(meta.updated_at).getTime()
  if (current !== new Date(expected).getTime()) {
    throw roleSyncError(
      RoleSyncErrorCodes.VERSION_CONFLICT,
      `The role of customer ${meta.customer_id} changed since it was reviewed (updated_at ${new Date(current).toISOString()}, reviewed ${expected}); nothing was changed. Review the current data and decide again.`,
      { customer_meta: meta }
    )
  }
}
