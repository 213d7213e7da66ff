import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import {
  resolveRoleSyncOptions,
  type ResolvedRoleSyncOptions,
  type RoleSyncPluginOptions,
} from "../clerk/options"
import CustomerMeta from "./models/customer-meta"
import type { AccountType, CustomerMetaDTO } from "./types"

class CustomerMetaModuleService extends MedusaService({
  CustomerMeta,
}) {
  protected readonly options_: ResolvedRoleSyncOptions

  constructor(deps: Record<string, unknown>, options: RoleSyncPluginOptions) {
    // @ts-ignore: MedusaService takes the container and options as given
    super(...arguments)
    this.options_ = resolveRoleSyncOptions(options)
  }

  /** The plugin's options, validated, with their environment fallbacks. */
  getOptions(): ResolvedRoleSyncOptions {
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
    return (meta as CustomerMetaDTO) ?? null
  }

  async retrieveByClerkUserId(clerkUserId: string): Promise<CustomerMetaDTO | null> {
    if (!clerkUserId) {
      return null
    }
    const [meta] = await this.listCustomerMetas(
      { clerk_user_id: clerkUserId },
      { take: 1 }
    )
    return (meta as CustomerMetaDTO) ?? null
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
