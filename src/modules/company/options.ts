import { MedusaError } from "@medusajs/framework/utils"
import {
  COMPANY_ROLES,
  DEFAULT_ORGANIZATION_ROLES,
  type CompanyRole,
} from "../../types/company"
import type { RoleSyncPluginOptions } from "../../types/options"

/** The options the company module uses. */
export type CompanyModuleOptions = {
  /** Clerk organization role → store role, defaults included. */
  organizationRoles: Readonly<Record<string, CompanyRole>>
}

const isCompanyRole = (value: unknown): value is CompanyRole =>
  typeof value === "string" && (COMPANY_ROLES as readonly string[]).includes(value)

/**
 * `organizationRoles` merged over Clerk's defaults (`org:admin` → admin,
 * `org:member` → buyer). A value that is not a store role stops the app with
 * a message naming the option: a typo must not silently demote (or promote)
 * a whole team.
 */
export function resolveCompanyOptions(
  options: RoleSyncPluginOptions = {}
): CompanyModuleOptions {
  const custom = options.organizationRoles ?? {}
  if (typeof custom !== "object" || Array.isArray(custom)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-plugin-role-sync: option "organizationRoles" must be an object such as { "org:viewer": "member" }`
    )
  }
  for (const [clerkRole, role] of Object.entries(custom)) {
    if (!isCompanyRole(role)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `medusa-plugin-role-sync: option "organizationRoles" maps "${clerkRole}" to ${JSON.stringify(role)}; use one of ${COMPANY_ROLES.join(", ")}`
      )
    }
  }
  return { organizationRoles: { ...DEFAULT_ORGANIZATION_ROLES, ...custom } }
}

/** The store role of a Clerk organization role; unknown roles are `member`. */
export function mapOrganizationRole(
  options: CompanyModuleOptions,
  clerkRole: string
): CompanyRole {
  return options.organizationRoles[clerkRole] ?? "member"
}
