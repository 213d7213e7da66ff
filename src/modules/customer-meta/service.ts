import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import type { RoleSyncPluginOptions } from "../../types/options"
import CustomerMeta from "./models/customer-meta"
import {
  resolveCustomerMetaOptions,
  type CustomerMetaModuleOptions,
} from "./options"
import { effectiveCustomerRole } from "../../types/customer-meta"
import type { AccountType, CustomerMetaDTO } from "./types"

/**
 * The `roleSyncCustomerMeta` module: customers' roles and the lookups of
 * DESIGN §2 (usable from any container:
 * `container.resolve("roleSyncCustomerMeta").isVerifiedCustomer(id)`).
 */
class CustomerMetaModuleService extends MedusaService<{
  CustomerMeta: { dto: CustomerMetaDTO }
}>({
  CustomerMeta,
}) {
  protected readonly options_: CustomerMetaModuleOptions

  constructor(deps: Record<string, unknown>, options: RoleSyncPluginOptions) {
    // @ts-ignore: MedusaService takes the container and options as given
    super(...arguments)
    this.options_ = resolveCustomerMetaOptions(options)
  }

  /** The module's options (the plugin options it uses, with defaults). */
  getOptions(): CustomerMetaModuleOptions {
    return this.options_
  }

  async retrieveByCustomerId(customerId: string): Promise<CustomerMetaDTO | null> {
    if (!customerId) {
      return null
    }
    const [meta] = await this.listCustomerMetas(
      { customer_id: customerId },
      { take: 1 }
    )
    return meta ?? null
  }

  async retrieveByClerkUserId(clerkUserId: string): Promise<CustomerMetaDTO | null> {
    if (!clerkUserId) {
      return null
    }
    const [meta] = await this.listCustomerMetas(
      { clerk_user_id: clerkUserId },
      { take: 1 }
    )
    return meta ?? null
  }

  /**
   * `null` when the customer never synced a role. A member of a company is
   * a business whatever it declared (DESIGN §10 rule 2).
   */
  async getCustomerAccountType(customerId: string): Promise<AccountType | null> {
    const meta = await this.retrieveByCustomerId(customerId)
    return meta ? effectiveCustomerRole(meta).account_type : null
  }

  /** A declared business or a company member; not necessarily verified. */
  async isBusinessCustomer(customerId: string): Promise<boolean> {
    return (await this.getCustomerAccountType(customerId)) === "business"
  }

  /**
   * A business an admin has verified (a sole trader, or a member of a
   * verified company): the only role to trust for value.
   */
  async isVerifiedCustomer(customerId: string): Promise<boolean> {
    const meta = await this.retrieveByCustomerId(customerId)
    return !!meta && effectiveCustomerRole(meta).is_verified
  }

  /** The active company's name for a company member, else the declared company. */
  async getCompanyName(customerId: string): Promise<string | null> {
    const meta = await this.retrieveByCustomerId(customerId)
    return meta ? effectiveCustomerRole(meta).company_name : null
  }

  /**
   * Records that Clerk data as new as `at` has been seen, when it changed
   * nothing. Only this bookkeeping column moves (not `updated_at`), and only
   * forward, so a late, older webhook can't roll the role back.
   */
  @InjectManager()
  async advanceClerkWatermark(
    id: string,
    at: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await sharedContext.manager!.execute(
      `update "customer_meta" set "clerk_updated_at" = ?
        where "id" = ? and "deleted_at" is null
          and ("clerk_updated_at" is null or "clerk_updated_at" < ?)`,
      [at, id, at]
    )
  }
}

export default CustomerMetaModuleService
