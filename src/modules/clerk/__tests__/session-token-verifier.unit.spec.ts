import { createClerkKeyPair, signSessionToken } from "../../../../dev/clerk-stand-in"
import { SessionTokenVerifier } from "../session-token-verifier"

describe("SessionTokenVerifier", () => {
  const keys = createClerkKeyPair()
  const options = {
    jwtKey: keys.publicKeyPem,
    secretKey: "sk_test",
    apiUrl: "http://127.0.0.1:1",
    authorizedParties: ["http://localhost:3000"],
    apiTimeoutMs: 1000,
  }

  it("verifies locally with a configured key and returns the claims", async () => {
    const verifier = new SessionTokenVerifier(options)
    expect(verifier.isNetworkless).toBe(true)
    const claims = await verifier.verify(signSessionToken(keys, { sub: "user_1" }))
    expect(claims.sub).toBe("user_1")
  })

  it("names Clerk's reason for a token signed by another key, without any network", async () => {
    const verifier = new SessionTokenVerifier(options)
    const stranger = createClerkKeyPair()
    await expect(verifier.verify(signSessionToken(stranger, { sub: "user_1" }))).rejects.toMatchObject({
      reason: "token-invalid-signature",
    })
  })

  it("refuses a session that is not active (sts pending)", async () => {
    const verifier = new SessionTokenVerifier(options)
    await expect(verifier.verify(signSessionToken(keys, { sub: "user_1", sts: "pending" }))).rejects.toMatchObject({
      reason: "token-verification-failed",
    })
  })

  it("reports an unreachable JWKS as jwk-remote-failed-to-load", async () => {
    const verifier = new SessionTokenVerifier({ ...options, jwtKey: undefined })
    expect(verifier.isNetworkless).toBe(false)
    await expect(verifier.verify(signSessionToken(keys, { sub: "user_1" }))).rejects.toMatchObject({
      reason: "jwk-remote-failed-to-load",
    })
  })
})

describe("SessionTokenVerifier without a jwtKey", () => {
  const { startClerkStandIn } = require("../../../../dev/clerk-stand-in")
  const keys = createClerkKeyPair()
  let standIn: any

  beforeAll(async () => {
    standIn = await startClerkStandIn({ keys, secretKey: "sk_test_jwks" })
  })
  afterAll(() => standIn.close())

  it("loads the instance's JWKS once with the secret key and caches it", async () => {
    const verifier = new SessionTokenVerifier({
      secretKey: "sk_test_jwks",
      apiUrl: standIn.url,
      authorizedParties: ["http://localhost:3000"],
      apiTimeoutMs: 1000,
    })
    await verifier.verify(signSessionToken(keys, { sub: "user_a" }))
    const claims = await verifier.verify(signSessionToken(keys, { sub: "user_b" }))

    expect(claims.sub).toBe("user_b")
    expect(standIn.count("/v1/jwks")).toBe(1)
  })

  it("rejects a token whose kid is not in the JWKS", async () => {
    const verifier = new SessionTokenVerifier({
      secretKey: "sk_test_jwks",
      apiUrl: standIn.url,
      authorizedParties: ["http://localhost:3000"],
      apiTimeoutMs: 1000,
    })
    const stranger = createClerkKeyPair()
    await expect(verifier.verify(signSessionToken(stranger, { sub: "user_c" }))).rejects.toMatchObject({
      reason: "jwk-kid-mismatch",
    })
  })
})
