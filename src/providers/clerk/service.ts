import {
  AbstractAuthModuleProvider,
  MedusaError,
} from "@medusajs/framework/utils"
import type {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityDTO,
  AuthIdentityProviderService,
  Logger,
} from "@medusajs/framework/types"
import type { ClerkOptions } from "../../types/options"
import {
  resolveClerkOptions,
  type ClerkOptionsResolution,
} from "../../modules/clerk/options"
import {
  CLERK_PROVIDER_ID,
  clerkUserDeletedAt,
  clerkUserDeletedError,
} from "../../utils/clerk-identity"
import {
  SessionTokenRejectedError,
  SessionTokenVerifier,
} from "../../modules/clerk/session-token-verifier"

type InjectedDependencies = { logger: Logger }

/**
 * Auth Module Provider `clerk`: `POST /auth/customer/clerk { token }` turns a
 * verified Clerk session token into a Medusa auth identity keyed by the Clerk
 * user id (`entity_id`); Medusa then issues its own token. Clerk owns
 * registration, so `register` behaves like `authenticate`.
 *
 * It loads without keys (for `db:migrate`); a sign-in on a store without
 * them fails naming the missing option.
 */
class ClerkAuthProviderService extends AbstractAuthModuleProvider {
  static identifier = "clerk"
  static DISPLAY_NAME = "Clerk"

  protected readonly resolution_: ClerkOptionsResolution
  protected readonly verifier_: SessionTokenVerifier
  protected readonly logger_: Logger

  constructor({ logger }: InjectedDependencies, options: ClerkOptions) {
    // @ts-ignore: Medusa passes (container, options) through to the base class
    super(...arguments)
    this.logger_ = logger
    this.resolution_ = resolveClerkOptions(options)
    this.verifier_ = new SessionTokenVerifier(this.resolution_.options)
  }

  async register(
    data: AuthenticationInput,
    authIdentityProviderService: AuthIdentityProviderService
  ): Promise<AuthenticationResponse> {
    return this.authenticate(data, authIdentityProviderService)
  }

  /**
   * @param data - `data.body.token`: the Clerk session JWT.
   * @returns the auth identity of the Clerk user (created at the first
   *   sign-in), or `{ success: false, error }` naming why the token was
   *   refused (Medusa answers 401 with it), a deleted Clerk user included.
   */
  async authenticate(
    data: AuthenticationInput,
    authIdentityProviderService: AuthIdentityProviderService
  ): Promise<AuthenticationResponse> {
    if (this.resolution_.problems.length) {
      this.logger_.error(
        `medusa-plugin-role-sync: Clerk sign-in is not configured: ${this.resolution_.problems.join("; ")}`
      )
      return {
        success: false,
        error: "Clerk sign-in is not configured on this store.",
      }
    }
    const token = (data.body as Record<string, unknown> | undefined)?.token
    if (token === undefined || token === null || token === "") {
      return {
        success: false,
        error: 'Missing Clerk session token: send { "token": "<Clerk session JWT>" }',
      }
    }

    let clerkUserId: string
    try {
      clerkUserId = (await this.verifier_.verify(token)).sub
    } catch (e) {
      if (e instanceof SessionTokenRejectedError) {
        return { success: false, error: e.message }
      }
      throw e
    }

    const authIdentity = await this.findOrCreateIdentity(
      clerkUserId,
      authIdentityProviderService
    )
    // A deleted Clerk user's tokens stay valid until they expire: the
    // tombstone the delete workflow wrote refuses them (DESIGN §8 rule 3).
    const deletedAt = clerkUserDeletedAt(
      authIdentity.provider_identities?.find((p) => p.provider === CLERK_PROVIDER_ID)
        ?.provider_metadata
    )
    if (deletedAt) {
      return { success: false, error: clerkUserDeletedError(deletedAt).message }
    }
    return { success: true, authIdentity }
  }

  /**
   * Two first sign-ins of one user can race: the (entity_id, provider) unique
   * index lets one create win, and the loser reads the winner's identity.
   */
  protected async findOrCreateIdentity(
    entityId: string,
    service: AuthIdentityProviderService
  ): Promise<AuthIdentityDTO> {
    const existing = await this.retrieveIdentity(entityId, service)
    if (existing) {
      return existing
    }
    try {
      return await service.create({ entity_id: entityId })
    } catch (e) {
      const raced = await this.retrieveIdentity(entityId, service)
      if (raced) {
        return raced
      }
      throw e
    }
  }

  protected async retrieveIdentity(
    entityId: string,
    service: AuthIdentityProviderService
  ): Promise<AuthIdentityDTO | null> {
    try {
      return await service.retrieve({ entity_id: entityId })
    } catch (e) {
      if ((e as MedusaError).type === MedusaError.Types.NOT_FOUND) {
        return null
      }
      throw e
    }
  }
}

export default ClerkAuthProviderService
