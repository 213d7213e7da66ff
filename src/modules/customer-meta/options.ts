import type { RoleSyncPluginOptions } from "../../types/options"

export const DEFAULT_BUSINESS_GROUP_NAME = "Verified businesses"

/** The options the role module uses; it needs no Clerk key. */
export type CustomerMetaModuleOptions = {
  /** Customer group of verified businesses (DESIGN §5 rule 4). */
  businessGroupName: string
}

export function resolveCustomerMetaOptions(
  options: RoleSyncPluginOptions = {}
): CustomerMetaModuleOptions {
  const name =
    typeof options.businessGroupName === "string"
      ? options.businessGroupName.trim()
      : ""
  return { businessGroupName: name || DEFAULT_BUSINESS_GROUP_NAME }
}
