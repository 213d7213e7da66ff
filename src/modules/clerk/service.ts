import { createClerkClient, type ClerkClient } from "@clerk/backend"
import { isClerkAPIResponseError } from "@clerk/backend/errors"
import { MedusaError } from "@medusajs/framework/utils"
import type { ClerkOptions } from "../../types/options"
import { RoleSyncErrorCodes, roleSyncError } from "../../utils/errors"
import {
  toClerkMembershipSnapshot,
  type ClerkMembershipSnapshot,
} from "./clerk-organization"
import { toClerkUserSnapshot, type ClerkUserSnapshot } from "./clerk-user"
import {
  assertClerkOptions,
  resolveClerkOptions,
  type ClerkOptionsResolution,
  type ResolvedClerkOptions,
} from "./options"
import { recordClerkOptions } from "./serving-check"

// Clerk's maximum page size (limit 1-500).
const MEMBERSHIP_PAGE_SIZE = 500

/**
 * The `roleSyncClerk` module: the one place that talks to Clerk's Backend
 * API. Every call is bounded by `apiTimeoutMs` (the SDK itself never times
 * out); Clerk's failures become `clerk_unavailable` (503), a missing user a
 * 404. It loads without keys (for `db:migrate`); the keys are checked when
 * the server starts serving.
 */
export default class ClerkModuleService {
  protected readonly resolution_: ClerkOptionsResolution
  protected client_?: ClerkClient

  constructor(_deps: Record<string, unknown>, options: ClerkOptions) {
    this.resolution_ = resolveClerkOptions(options)
    recordClerkOptions(this.resolution_)
  }

  /** The Clerk options with their env fallbacks (possibly incomplete before serving). */
  getOptions(): ResolvedClerkOptions {
    return this.resolution_.options
  }

  /**
   * Reads a Clerk user (`GET /v1/users/:id`, one call).
   * @throws NOT_FOUND when Clerk has no such user; `clerk_unavailable` when
   *   Clerk fails, refuses the key or does not answer within `apiTimeoutMs`.
   */
  async getUser(userId: string): Promise<ClerkUserSnapshot> {
    const user = await this.call(`load Clerk user ${userId}`, (client) =>
      client.users.getUser(userId)
    )
    return toClerkUserSnapshot(user)
  }

  /**
   * Reads a Clerk user's organization memberships
   * (`GET /v1/users/:id/organization_memberships`, one call, Clerk's largest
   * page of 500: a user in more organizations is cut at 500).
   * @returns the memberships with their organizations, as Clerk lists them.
   * @throws NOT_FOUND when Clerk has no such user; `clerk_unavailable` as
   *   for `getUser` (failure, refused key, no answer within `apiTimeoutMs`,
   *   or an answer that is not a membership list).
   */
  async getOrganizationMemberships(userId: string): Promise<ClerkMembershipSnapshot[]> {
    const what = `load Clerk user ${userId}'s organization memberships`
    const { data } = await this.call(what, (client) =>
      client.users.getOrganizationMembershipList({ userId, limit: MEMBERSHIP_PAGE_SIZE })
    )
    try {
      return data.map(toClerkMembershipSnapshot)
    } catch (e) {
      throw roleSyncError(
        RoleSyncErrorCodes.CLERK_UNAVAILABLE,
        `Clerk answered with an unexpected membership list (${what}): ${(e as Error).message}; nothing was changed`
      )
    }
  }

  protected get client(): ClerkClient {
    if (!this.client_) {
      const options = assertClerkOptions(this.resolution_)
      this.client_ = createClerkClient({
        secretKey: options.secretKey,
        apiUrl: options.apiUrl,
      })
    }
    return this.client_
  }

  /** Runs one Backend API call with the timeout and the error mapping. */
  protected async call<T>(what: string, fn: (client: ClerkClient) => Promise<T>): Promise<T> {
    const client = this.client
    const timeoutMs = this.resolution_.options.apiTimeoutMs
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            roleSyncError(
              RoleSyncErrorCodes.CLERK_UNAVAILABLE,
              `Clerk did not answer within ${timeoutMs} ms (${what}); nothing was changed, try again`
            )
          ),
        timeoutMs
      )
    })
    try {
      return await Promise.race([fn(client), timeout])
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
        `Clerk has no such ${what.replace(/^load Clerk /, "").replace(/'s organization memberships$/, "")}`
      )
    }
    if (e.status === 401 || e.status === 403) {
      // Our secret key is wrong: an operator problem, not the caller's.
      return roleSyncError(
        RoleSyncErrorCodes.CLERK_UNAVAILABLE,
        `Clerk refused the store's secret key (${what}); check CLERK_SECRET_KEY`
      )
    }
    return roleSyncError(
      RoleSyncErrorCodes.CLERK_UNAVAILABLE,
      `Clerk is unavailable (${what}: ${e.status ? `HTTP ${e.status}` : "no connection"}); nothing was changed, try again`
    )
  }
}
