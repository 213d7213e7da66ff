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

  /** `null` when the customer never synced a role. */
  async getCustomerAccountType(customerId: string): Promise<AccountType | null> {
    return (await this.retrieveByCustomerId(customerId))?.account_type ?? null
  }

  /** A declared business; not necessarily verified. */
  async isBusinessCustomer(customerId: string): Promise<boolean> {
    return (await this.getCustomerAccountType(customerId)) === "business"
  }

  /** A business an admin has verified: the only role to trust for value. */
  async isVerifiedCustomer(customerId: string): Promise<boolean> {
    const meta = await this.retrieveByCustomerId(customerId)
    return meta?.account_type === "business" && meta.is_verified === true
  }

  async getCompanyName(customerId: string): Promise<string | null> {
    return (await this.retrieveByCustomerId(customerId))?.company_name ?? null
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
