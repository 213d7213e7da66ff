import { createPublicKey, KeyObject } from "node:crypto"
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
} from "jose"
import type { ResolvedRoleSyncOptions } from "./options"

/** Reasons mirror `@clerk/backend`'s TokenVerificationErrorReason values. */
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

export class SessionTokenRejectedError extends Error {
  constructor(
    readonly reason: SessionTokenRejectionReason,
    message: string
  ) {
    super(`Clerk session token rejected (${reason}): ${message}`)
    this.name = "SessionTokenRejectedError"
  }
}

export type ClerkSessionClaims = JWTPayload & {
  sub: string
  sid?: string
  azp?: string
  sts?: string
}

// Clerk's own default leeway for exp, nbf and iat.
const CLOCK_SKEW_SECONDS = 5

type KeySource = KeyObject | ReturnType<typeof createRemoteJWKSet>

/**
 * Verifies Clerk session tokens (RS256).
 *
 * With a `jwtKey` the PEM is parsed once, here, and every verification is a
 * local signature check: no network, no per-call key import. Without it the
 * instance's JWKS is fetched from the Backend API (authenticated with the
 * secret key) and cached.
 */
export class SessionTokenVerifier {
  private readonly key: KeySource
  private readonly authorizedParties: Set<string>
  private readonly issuer?: string

  constructor(
    options: Pick<
      ResolvedRoleSyncOptions,
      "jwtKey" | "secretKey" | "apiUrl" | "authorizedParties" | "issuer" | "apiTimeoutMs"
    >
  ) {
    this.authorizedParties = new Set(options.authorizedParties)
    this.issuer = options.issuer
    if (options.jwtKey) {
      const key = createPublicKey({ key: options.jwtKey, format: "pem" })
      if (key.asymmetricKeyType !== "rsa") {
        throw new Error(
          `medusa-plugin-role-sync: option "jwtKey" must be an RSA public key (Clerk signs session tokens with RS256)`
        )
      }
      this.key = key
    } else {
      this.key = createRemoteJWKSet(new URL(`${options.apiUrl}/v1/jwks`), {
        headers: { Authorization: `Bearer ${options.secretKey}` },
        timeoutDuration: options.apiTimeoutMs,
        cacheMaxAge: 5 * 60 * 1000,
      })
    }
  }

  get isNetworkless(): boolean {
    return this.key instanceof KeyObject
  }

  async verify(token: unknown): Promise<ClerkSessionClaims> {
    if (typeof token !== "string" || token.split(".").length !== 3) {
      throw new SessionTokenRejectedError(
        "token-invalid",
        "expected a JWT (three dot-separated parts) in the `token` field"
      )
    }

    let payload: JWTPayload
    try {
      const verified = await jwtVerify(token, this.key as KeyObject, {
        algorithms: ["RS256"],
        typ: "JWT",
        clockTolerance: CLOCK_SKEW_SECONDS,
        issuer: this.issuer,
        requiredClaims: ["sub", "exp", "iat"],
      })
      payload = verified.payload
    } catch (e) {
      throw toRejection(e)
    }

    const now = Math.floor(Date.now() / 1000)
    if (typeof payload.iat === "number" && payload.iat > now + CLOCK_SKEW_SECONDS) {
      throw new SessionTokenRejectedError(
        "token-iat-in-the-future",
        "the token was issued in the future; check the server clock"
      )
    }
    if (typeof payload.sub !== "string" || !payload.sub) {
      throw new SessionTokenRejectedError(
        "token-verification-failed",
        "the token has no subject (sub) claim"
      )
    }
    const azp = (payload as ClerkSessionClaims).azp
    if (!azp || !this.authorizedParties.has(azp)) {
      throw new SessionTokenRejectedError(
        "token-invalid-authorized-parties",
        `the token was minted for ${azp ? `"${azp}"` : "no origin"}, which is not an authorized party`
      )
    }
    const sts = (payload as ClerkSessionClaims).sts
    if (sts !== undefined && sts !== "active") {
      throw new SessionTokenRejectedError(
        "token-verification-failed",
        `the Clerk session is "${sts}", not active`
      )
    }
    return payload as ClerkSessionClaims
  }
}

function toRejection(e: unknown): SessionTokenRejectedError {
  if (e instanceof joseErrors.JWTExpired) {
    return new SessionTokenRejectedError("token-expired", "the token has expired")
  }
  if (e instanceof joseErrors.JWTClaimValidationFailed) {
    switch (e.claim) {
      case "nbf":
        return new SessionTokenRejectedError(
          "token-not-active-yet",
          "the token is not valid yet (nbf)"
        )
      case "iss":
        return new SessionTokenRejectedError(
          "token-invalid-issuer",
          "the token was issued by another Clerk instance"
        )
      case "typ":
        return new SessionTokenRejectedError("token-invalid", "the token type is not JWT")
      default:
        return new SessionTokenRejectedError(
          "token-verification-failed",
          `claim "${e.claim}" is missing or invalid`
        )
    }
  }
  if (e instanceof joseErrors.JOSEAlgNotAllowed || e instanceof joseErrors.JOSENotSupported) {
    return new SessionTokenRejectedError(
      "token-invalid-algorithm",
      "only RS256-signed tokens are accepted"
    )
  }
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new SessionTokenRejectedError(
      "token-invalid-signature",
      "the signature does not match the configured Clerk key"
    )
  }
  if (e instanceof joseErrors.JWKSNoMatchingKey) {
    return new SessionTokenRejectedError(
      "jwk-kid-mismatch",
      "no key of this Clerk instance matches the token's kid"
    )
  }
  if (e instanceof joseErrors.JWKSTimeout || e instanceof joseErrors.JWKSInvalid) {
    return new SessionTokenRejectedError(
      "jwk-remote-failed-to-load",
      "Clerk's signing keys could not be loaded; try again"
    )
  }
  if (e instanceof joseErrors.JWSInvalid || e instanceof joseErrors.JWTInvalid) {
    return new SessionTokenRejectedError("token-invalid", "the token is malformed")
  }
  // Anything that is not a JOSE verdict is the JWKS fetch failing.
  if (!(e instanceof joseErrors.JOSEError)) {
    return new SessionTokenRejectedError(
      "jwk-remote-failed-to-load",
      "Clerk's signing keys could not be loaded; try again"
    )
  }
  return new SessionTokenRejectedError("token-invalid", "the token could not be verified")
}
