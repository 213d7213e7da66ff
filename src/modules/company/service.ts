import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import type { CompanyDTO, CompanyMemberDTO, CompanyRole } from "../../types/company"
import type { RoleSyncPluginOptions } from "../../types/options"
import Company from "./models/company"
import CompanyMember from "./models/company-member"
import {
  mapOrganizationRole,
  resolveCompanyOptions,
  type CompanyModuleOptions,
} from "./options"

/**
 * The `roleSyncCompany` module: companies (Clerk Organizations) and their
 * members. Plain data access plus the role mapping; the rules (locks,
 * verification, groups, the customer's active company) live in the company
 * workflows.
 */
class CompanyModuleService extends MedusaService<{
  Company: { dto: CompanyDTO }
  CompanyMember: { dto: CompanyMemberDTO }
}>({
  Company,
  CompanyMember,
}) {
  protected readonly options_: CompanyModuleOptions

  constructor(deps: Record<string, unknown>, options: RoleSyncPluginOptions) {
    // @ts-ignore: MedusaService takes the container and options as given
    super(...arguments)
    this.options_ = resolveCompanyOptions(options)
  }

  getOptions(): CompanyModuleOptions {
    return this.options_
  }

  /** DESIGN §10 rule 1: `org:admin` → admin, `org:member` → buyer, option, else member. */
  mapClerkRole(clerkRole: string): CompanyRole {
    return mapOrganizationRole(this.options_, clerkRole)
  }

  /** The live company of a Clerk Organization, or null. */
  async retrieveByClerkOrganizationId(
    clerkOrganizationId: string
  ): Promise<CompanyDTO | null> {
    const [company] = await this.listCompanies(
      { clerk_organization_id: clerkOrganizationId },
      { take: 1 }
    )
    return company ?? null
  }

  /** The customer's live memberships with their companies, oldest first. */
  async listMembershipsOfCustomer(customerId: string): Promise<CompanyMemberDTO[]> {
    return await this.listCompanyMembers(
      { customer_id: customerId },
      { relations: ["company"], order: { joined_at: "ASC" } }
    )
  }

  /**
   * Moves a company's Clerk watermark forward (only it, only forward) when
   * newer Clerk data changed nothing, so an older delivery arriving later
   * can't roll the company back.
   */
  @InjectManager()
  async advanceCompanyWatermark(
    id: string,
    at: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await sharedContext.manager!.execute(
      `update "company" set "clerk_updated_at" = ?
        where "id" = ? and "deleted_at" is null
          and ("clerk_updated_at" is null or "clerk_updated_at" < ?)`,
      [at, id, at]
    )
  }

  /** The same for a membership. */
  @InjectManager()
  async advanceMemberWatermark(
    id: string,
    at: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await sharedContext.manager!.execute(
      `update "company_member" set "clerk_updated_at" = ?
        where "id" = ? and "deleted_at" is null
          and ("clerk_updated_at" is null or "clerk_updated_at" < ?)`,
      [at, id, at]
    )
  }
}

export default CompanyModuleService
