import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ClerkMembershipSnapshot } from "../../../modules/clerk/clerk-organization"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyMemberDTO } from "../../../types/company"
import { listLiveMemberships, type LiveMembership } from "../utils/live-memberships"
import {
  undoCompanyUpsert,
  upsertCompanyFromOrganization,
  type CompanyUpsert,
} from "../utils/upsert-company"

export type ApplyCompanyMembershipsStepInput = {
  customer_id: string
  clerk_user_id: string
  /** Memberships Clerk says exist (from the API or a signed webhook). */
  upsert: ClerkMembershipSnapshot[]
  /**
   * `upsert` is the user's complete list (the sync read it from the API):
   * every other membership has ended.
   */
  complete_list: boolean
  /** Memberships Clerk deleted (`organizationMembership.deleted`). */
  remove_membership_ids?: string[]
  /**
   * When the list was read from Clerk (ms). Rows a webhook wrote after it
   * are newer than the list and left alone. Absent for webhooks.
   */
  read_at?: number | null
}

export type MemberChange = { company_id: string; member_id: string; customer_id: string }

export type ApplyCompanyMembershipsStepOutput = {
  /** The customer's live memberships after the change, oldest first. */
  memberships: LiveMembership[]
  created_company_ids: string[]
  /** Companies renamed in Clerk: their members' copies must follow. */
  renamed_company_ids: string[]
  /** Verified companies whose rename reset their verification. */
  verification_reset_company_ids: string[]
  added: MemberChange[]
  updated: MemberChange[]
  removed: (MemberChange & { customer_group_id: string | null })[]
  /** Why a membership was not applied (a newer deletion, a deleted organization). */
  ignored: string[]
  changed: boolean
}

type Compensation = {
  companies: CompanyUpsert["undo"][]
  created_member_ids: string[]
  updated_members: Pick<
    CompanyMemberDTO,
    "id" | "role" | "clerk_role" | "clerk_membership_id" | "joined_at" | "clerk_updated_at"
  >[]
  removed_member_ids: string[]
}

/**
 * Mirrors a Clerk user's organization memberships onto companies and
 * company members (DESIGN §10 rules 1-2). Run under the Clerk user's lock and
 * the locks of the organizations involved. Companies are created with their
 * customer group; a rename in Clerk renames the company and resets a
 * verified company. Older data never overwrites newer (Clerk's
 * `updated_at`), a membership Clerk deleted is never revived by a late
 * delivery, and a deleted organization is not recreated. Compensation
 * restores every row it touched and removes what it created.
 */
export const applyCompanyMembershipsStepId = "role-sync-apply-company-memberships"

export const applyCompanyMembershipsStep = createStep(
  applyCompanyMembershipsStepId,
  async (input: ApplyCompanyMembershipsStepInput, { container }) => {
    const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const compensation: Compensation = {
      companies: [],
      created_member_ids: [],
      updated_members: [],
      removed_member_ids: [],
    }
    const out: ApplyCompanyMembershipsStepOutput = {
      memberships: [],
      created_company_ids: [],
      renamed_company_ids: [],
      verification_reset_company_ids: [],
      added: [],
      updated: [],
      removed: [],
      ignored: [],
      changed: false,
    }
    const readAt = input.read_at ? new Date(input.read_at) : null

    try {
      const keptCompanyIds = new Set<string>()
      // One membership per organization (Clerk has no more).
      const memberships = [
        ...new Map(
          input.upsert
            .filter((m) => m.user_id === input.clerk_user_id)
            .map((m) => [m.organization.id, m])
        ).values(),
      ]

      for (const membership of memberships) {
        const upserted = await upsertCompanyFromOrganization(container, membership.organization)
        if (!upserted) {
          out.ignored.push(`organization ${membership.organization.id} was deleted`)
          continue
        }
        compensation.companies.push(upserted.undo)
        const company = upserted.company
        keptCompanyIds.add(company.id)
        if (upserted.created) out.created_company_ids.push(company.id)
        if (upserted.renamed) out.renamed_company_ids.push(company.id)
        if (upserted.verification_reset) out.verification_reset_company_ids.push(company.id)

        const role = service.mapClerkRole(membership.role)
        const incomingAt = new Date(membership.updated_at)
        const [live] = await service.listCompanyMembers(
          { company_id: company.id, customer_id: input.customer_id },
          { take: 1 }
        )

        if (!live) {
          const ended = (
            await service.listCompanyMembers(
              { clerk_membership_id: membership.id },
              { select: ["id", "deleted_at"], withDeleted: true }
            )
          ).find((row) => !!row.deleted_at)
          if (ended && (!readAt || new Date(ended.deleted_at!).getTime() > readAt.getTime())) {
            out.ignored.push(`membership ${membership.id} was deleted in Clerk`)
            keptCompanyIds.delete(company.id)
            continue
          }
          const created = await service.createCompanyMembers({
            company_id: company.id,
            customer_id: input.customer_id,
            clerk_user_id: input.clerk_user_id,
            clerk_membership_id: membership.id,
            role,
            clerk_role: membership.role,
            joined_at: new Date(membership.created_at),
            clerk_updated_at: incomingAt,
          } as any)
          compensation.created_member_ids.push(created.id)
          out.added.push({ company_id: company.id, member_id: created.id, customer_id: input.customer_id })
          continue
        }

        const appliedAt = live.clerk_updated_at ? new Date(live.clerk_updated_at).getTime() : null
        if (appliedAt && incomingAt.getTime() < appliedAt) {
          continue // stale: newer membership data was already applied
        }
        const differs =
          live.role !== role ||
          live.clerk_role !== membership.role ||
          live.clerk_membership_id !== membership.id ||
          new Date(live.joined_at).getTime() !== membership.created_at
        if (!differs) {
          if (!appliedAt || incomingAt.getTime() > appliedAt) {
            await service.advanceMemberWatermark(live.id, incomingAt)
          }
          continue
        }
        compensation.updated_members.push({
          id: live.id,
          role: live.role,
          clerk_role: live.clerk_role,
          clerk_membership_id: live.clerk_membership_id,
          joined_at: live.joined_at,
          clerk_updated_at: live.clerk_updated_at ?? null,
        })
        await service.updateCompanyMembers({
          id: live.id,
          role,
          clerk_role: membership.role,
          clerk_membership_id: membership.id,
          joined_at: new Date(membership.created_at),
          clerk_updated_at: incomingAt,
        } as any)
        out.updated.push({ company_id: company.id, member_id: live.id, customer_id: input.customer_id })
      }

      // Memberships that ended.
      const current = await service.listCompanyMembers(
        { customer_id: input.customer_id },
        { relations: ["company"] }
      )
      const removeIds = new Set(input.remove_membership_ids ?? [])
      const ended = current.filter((row) => {
        if (removeIds.has(row.clerk_membership_id)) {
          return true
        }
        if (!input.complete_list || keptCompanyIds.has(row.company_id)) {
          return false
        }
        // Joined after the list was read (a webhook was faster): keep it.
        return !readAt || new Date(row.created_at).getTime() <= readAt.getTime()
      })
      if (ended.length) {
        await service.softDeleteCompanyMembers(ended.map((row) => row.id))
        compensation.removed_member_ids.push(...ended.map((row) => row.id))
        out.removed.push(
          ...ended.map((row) => ({
            company_id: row.company_id,
            member_id: row.id,
            customer_id: input.customer_id,
            customer_group_id: row.company?.customer_group_id ?? null,
          }))
        )
      }
    } catch (e) {
      await undoMemberships(container, compensation)
      throw e
    }

    out.memberships = await listLiveMemberships(container, input.customer_id)
    out.changed =
      out.added.length + out.updated.length + out.removed.length + out.renamed_company_ids.length > 0
    return new StepResponse(out, compensation)
  },
  async (compensation, { container }) => {
    if (compensation) {
      await undoMemberships(container, compensation)
    }
  }
)

async function undoMemberships(container: any, compensation: Compensation) {
  const service: CompanyModuleService = container.resolve(COMPANY_MODULE)
  if (compensation.removed_member_ids.length) {
    await service.restoreCompanyMembers(compensation.removed_member_ids)
  }
  for (const previous of compensation.updated_members) {
    await service.updateCompanyMembers({
      ...previous,
      joined_at: new Date(previous.joined_at),
      clerk_updated_at: (previous.clerk_updated_at ?? null) as Date | null,
    } as any)
  }
  if (compensation.created_member_ids.length) {
    await service.deleteCompanyMembers(compensation.created_member_ids)
  }
  for (const undo of [...compensation.companies].reverse()) {
    await undoCompanyUpsert(container, undo)
  }
}
