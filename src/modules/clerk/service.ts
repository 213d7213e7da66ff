import { createClerkClient, type ClerkClient } from "@clerk/backend"
import { isClerkAPIResponseError } from "@clerk/backend/errors"
import { MedusaError } from "@medusajs/framework/utils"
import { RoleSyncErrorTypes, roleSyncError } from "../../utils/role-sync-error"
import { toClerkUserSnapshot, type ClerkUserSnapshot } from "./clerk-user"
import {
  resolveRoleSyncOptions,
  type ResolvedRoleSyncOptions,
  type RoleSyncPluginOptions,
} from "./options"

/**
 * The one place that talks to Clerk's Backend API. Every call is bounded by
 * `apiTimeoutMs`: the SDK itself never times out.
 */
export default class ClerkModuleService {
  protected readonly options_: ResolvedRoleSyncOptions
  protected readonly client_: ClerkClient

  constructor(_deps: Record<string, unknown>, options: RoleSyncPluginOptions) {
    this.options_ = resolveRoleSyncOptions(options)
    this.client_ = createClerkClient({
      secretKey: this.options_.secretKey,
      apiUrl: this.options_.apiUrl,
    })
  }

  getOptions(): ResolvedRoleSyncOptions {
    return this.options_
  }

  async getUser(userId: string): Promise<ClerkUserSnapshot> {
    const user = await this.call(`load Clerk user ${userId}`, () =>
      this.client_.users.getUser(userId)
    )
    return toClerkUserSnapshot(user)
  }

  protected async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            roleSyncError(
              RoleSyncErrorTypes.CLERK_UNAVAILABLE,
              `Clerk did not answer within ${this.options_.apiTimeoutMs} ms (${what}); nothing was changed, try again`
            )
          ),
        this.options_.apiTimeoutMs
      )
    })
    try {
      return await Promise.race([fn(), timeout])
    } catch (e) {
      throw this.mapError(e, what)
    } finally {
      clearTimeout(timer)
    }
  }

  protected mapError(e: unknown, what: string): unknown {
    if (!isClerkAPIResponseError(e)) {
      return e
    }
    if (e.status === 404) {
      return new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Clerk has no such user (${what})`
      )
    }
    if (e.status === 401 || e.status === 403) {
      // Our secret key is wrong: an operator problem, not the caller's.
      return roleSyncError(
        RoleSyncErrorTypes.CLERK_UNAVAILABLE,
        `Clerk refused the store's secret key (${what}); check CLERK_SECRET_KEY`
      )
    }
    return roleSyncError(
      RoleSyncErrorTypes.CLERK_UNAVAILABLE,
      `Clerk is unavailable (${what}: ${e.status ? `HTTP ${e.status}` : "no connection"}); nothing was changed, try again`
    )
  }
}
