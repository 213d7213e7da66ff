import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { ClerkOrganizationSnapshot } from "../../../modules/clerk/clerk-organization"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyDTO } from "../../../types/company"
import { companyGroupName, createCompanyGroup } from "./company-group"

type CompanyState = Pick<
  CompanyDTO,
  "id" | "name" | "is_verified" | "verified_at" | "verified_by" | "clerk_updated_at"
>

export type CompanyUpsert = {
  company: CompanyDTO
  created: boolean
  /** The organization's name changed (and the company's group was renamed). */
  renamed: boolean
  /** A verified company was renamed, so it is no longer verified (DESIGN §10 rule 4). */
  verification_reset: boolean
  /** What to put back on compensation. */
  undo: {
    created_company_id?: string
    created_group_id?: string
    previous?: CompanyState
    group?: { id: string; name: string }
  }
}

/**
 * True when the organization was deleted: only soft-deleted companies carry
 * its id. Clerk never reuses organization ids, so it stays deleted.
 */
export async function wasOrganizationDeleted(
  container: MedusaContainer,
  clerkOrganizationId: string
): Promise<boolean> {
  const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const rows = await service.listCompanies(
    { clerk_organization_id: clerkOrganizationId },
    { select: ["id", "deleted_at"], withDeleted: true }
  )
  return rows.length > 0 && rows.every((row) => !!row.deleted_at)
}

/**
 * Creates the company of a Clerk Organization (with its customer group) or
 * applies newer organization data to it. Run under the organization's lock.
 * Data older than what was applied (`updated_at` watermark) changes
 * nothing. Returns null when the organization was deleted.
 */
export async function upsertCompanyFromOrganization(
  container: MedusaContainer,
  org: ClerkOrganizationSnapshot
): Promise<CompanyUpsert | null> {
  const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const incomingAt = new Date(org.updated_at)
  const existing = await service.retrieveByClerkOrganizationId(org.id)

  if (!existing) {
    if (await wasOrganizationDeleted(container, org.id)) {
      return null
    }
    const created = await service.createCompanies({
      clerk_organization_id: org.id,
      name: org.name,
      clerk_updated_at: incomingAt,
    } as any)
    const undo: CompanyUpsert["undo"] = { created_company_id: created.id }
    try {
      const group = await createCompanyGroup(container, created)
      if (group.created) {
        undo.created_group_id = group.id
      }
      const company = await service.updateCompanies({
        id: created.id,
        customer_group_id: group.id,
      } as any)
      return { company, created: true, renamed: false, verification_reset: false, undo }
    } catch (e) {
      await undoCompanyUpsert(container, undo)
      throw e
    }
  }

  const appliedAt = existing.clerk_updated_at ? new Date(existing.clerk_updated_at).getTime() : null
  const newer = !appliedAt || incomingAt.getTime() > appliedAt
  if (!newer || existing.name === org.name) {
    if (newer) {
      // Monotonic: an older delivery must not roll the name back later.
      await service.advanceCompanyWatermark(existing.id, incomingAt)
    }
    return { company: existing, created: false, renamed: false, verification_reset: false, undo: {} }
  }

  const verificationReset = existing.is_verified
  const company = await service.updateCompanies({
    id: existing.id,
    name: org.name,
    clerk_updated_at: incomingAt,
    ...(verificationReset ? { is_verified: false, verified_at: null, verified_by: null } : {}),
  } as any)
  const undo: CompanyUpsert["undo"] = {
    previous: {
      id: existing.id,
      name: existing.name,
      is_verified: existing.is_verified,
      verified_at: existing.verified_at,
      verified_by: existing.verified_by,
      clerk_updated_at: existing.clerk_updated_at ?? null,
    },
  }
  if (existing.customer_group_id) {
    const customerService = container.resolve(Modules.CUSTOMER)
    undo.group = {
      id: existing.customer_group_id,
      name: companyGroupName(existing.name, existing.clerk_organization_id),
    }
    await customerService.updateCustomerGroups(existing.customer_group_id, {
      name: companyGroupName(org.name, existing.clerk_organization_id),
    })
  }
  return { company, created: false, renamed: true, verification_reset: verificationReset, undo }
}

/** Puts back what `upsertCompanyFromOrganization` changed. */
export async function undoCompanyUpsert(
  container: MedusaContainer,
  undo: CompanyUpsert["undo"]
): Promise<void> {
  const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const customerService = container.resolve(Modules.CUSTOMER)
  if (undo.created_company_id) {
    // Held under the organization's lock since it was created: no one else
    // can have joined it, but never drop a company that has members.
    const members = await service.listCompanyMembers(
      { company_id: undo.created_company_id },
      { select: ["id"], take: 1 }
    )
    if (!members.length) {
      await service.deleteCompanies(undo.created_company_id)
      if (undo.created_group_id) {
        await customerService.deleteCustomerGroups(undo.created_group_id)
      }
    }
  } else if (undo.created_group_id) {
    await customerService.deleteCustomerGroups(undo.created_group_id)
  }
  if (undo.previous) {
    await service.updateCompanies({
      ...undo.previous,
      verified_at: undo.previous.verified_at as Date | null,
      clerk_updated_at: (undo.previous.clerk_updated_at ?? null) as Date | null,
    } as any)
  }
  if (undo.group) {
    await customerService.updateCustomerGroups(undo.group.id, { name: undo.group.name })
  }
}
