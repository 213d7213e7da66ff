import { verifyToken } from "@clerk/backend"
import type { ResolvedClerkOptions } from "./options"

/** Reasons are `@clerk/backend`'s TokenVerificationErrorReason values. */
export type SessionTokenRejectionReason =
  | "token-invalid"
  | "token-invalid-algorithm"
  | "token-invalid-signature"
  | "token-expired"
  | "token-not-active-yet"
  | "token-iat-in-the-future"
  | "token-invalid-authorized-parties"
  | "token-invalid-issuer"
  | "token-verification-failed"
  | "jwk-kid-mismatch"
  | "jwk-remote-failed-to-load"
  | (string & {})

export class SessionTokenRejectedError extends Error {
  constructor(
    readonly reason: SessionTokenRejectionReason,
    message: string
  ) {
    super(`Clerk session token rejected (${reason}): ${message}`)
    this.name = "SessionTokenRejectedError"
  }
}

/** The claims of a Clerk session token (v2) the plugin reads. */
export type ClerkSessionClaims = {
  /** The Clerk user id. */
  sub: string
  sid?: string
  azp?: string
  /** Session status: `active`, or `pending` while sign-up tasks remain. */
  sts?: string
  /** The active organization (session token v2): id, slug, role, permissions. */
  o?: { id?: string; slg?: string; rol?: string; per?: string }
  [claim: string]: unknown
}

// Clerk's own default leeway for exp, nbf and iat (ms).
const CLOCK_SKEW_MS = 5000

/**
 * Verifies Clerk session tokens with `@clerk/backend`'s `verifyToken`:
 * networkless with `jwtKey` (RS256 against the instance's PEM key), else the
 * instance's JWKS from `apiUrl/v1/jwks` (loaded with the secret key and
 * cached by the SDK). `authorizedParties` is always enforced (`azp`), and
 * `issuer` when configured. Rejections carry Clerk's reason. The SDK has no
 * timeout, so the JWKS path is bounded by `apiTimeoutMs`.
 */
export class SessionTokenVerifier {
  constructor(
    private readonly options: Pick<
      ResolvedClerkOptions,
      "secretKey" | "apiUrl" | "authorizedParties" | "apiTimeoutMs"
    > &
      Partial<Pick<ResolvedClerkOptions, "jwtKey" | "issuer">>
  ) {}

  /** True when verification never leaves the process. */
  get isNetworkless(): boolean {
    return !!this.options.jwtKey
  }

  /**
   * @param token - the Clerk session JWT from the storefront (`getToken()`).
   * @returns its claims.
   * @throws SessionTokenRejectedError with Clerk's reason (expired, bad
   *   signature, wrong `azp`/`iss`, …) or `token-verification-failed` for a
   *   session that is not active.
   */
  async verify(token: unknown): Promise<ClerkSessionClaims> {
    if (typeof token !== "string" || token.split(".").length !== 3) {
      throw new SessionTokenRejectedError(
        "token-invalid",
        "expected a JWT (three dot-separated parts) in the `token` field"
      )
    }

    let claims: ClerkSessionClaims
    try {
      claims = (await this.withTimeout(
        verifyToken(token, {
          jwtKey: this.options.jwtKey,
          secretKey: this.options.secretKey,
          apiUrl: this.options.apiUrl,
          authorizedParties: this.options.authorizedParties,
          issuer: this.options.issuer,
          clockSkewInMs: CLOCK_SKEW_MS,
        })
      )) as unknown as ClerkSessionClaims
    } catch (e) {
      throw toRejection(e)
    }

    if (claims.sts !== undefined && claims.sts !== "active") {
      throw new SessionTokenRejectedError(
        "token-verification-failed",
        `the Clerk session is "${String(claims.sts)}", not active`
      )
    }
    return claims
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T> {
    if (this.isNetworkless) {
      return promise
    }
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new SessionTokenRejectedError(
              "jwk-remote-failed-to-load",
              `Clerk's signing keys did not load within ${this.options.apiTimeoutMs} ms; try again`
            )
          ),
        this.options.apiTimeoutMs
      )
    })
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
  }
}

// Under CommonJS the SDK's TokenVerificationError is not `instanceof`-able
// (two bundled copies): its `reason` is the contract.
function toRejection(e: unknown): SessionTokenRejectedError {
  if (e instanceof SessionTokenRejectedError) {
    return e
  }
  const reason = (e as { reason?: unknown })?.reason
  const message = String((e as Error)?.message ?? "the token could not be verified")
  if (typeof reason === "string" && reason) {
    return new SessionTokenRejectedError(reason, message)
  }
  return new SessionTokenRejectedError("jwk-remote-failed-to-load", message)
}
