import { createClerkKeyPair, signSessionToken } from "../../../../integration-tests/helpers/clerk-stand-in"
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

  it("refuses a non-RSA key at construction", () => {
    const { generateKeyPairSync } = require("node:crypto")
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" })
    expect(() => new SessionTokenVerifier({ ...options, jwtKey: ec })).toThrow(/RSA public key/)
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
  const { startClerkStandIn } = require("../../../../integration-tests/helpers/clerk-stand-in")
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
