import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { testDbName } from "../helpers/db-name"
import { Modules } from "@medusajs/framework/utils"
import { createClerkKeyPair, signSessionToken } from "../helpers/clerk-stand-in"
import { useOfflineClerk } from "../helpers/clerk"
import { decodeJwt, httpClient } from "../helpers/medusa"

jest.setTimeout(120 * 1000)

const clerk = useOfflineClerk()

medusaIntegrationTestRunner({
  dbName: testDbName("sign-in"),
  env: clerk.env,
  testSuite: ({ api, getContainer }) => {
    const http = () => httpClient(api)
    const exchange = (token: unknown) =>
      http()("POST", "/auth/customer/clerk", { body: { token } })

    beforeEach(() => clerk.clerk.resetRequests())

    describe("POST /auth/customer/clerk", () => {
      it("exchanges a valid Clerk session token for a Medusa token keyed by the Clerk user id, without calling Clerk", async () => {
        const res = await exchange(clerk.token("user_valid_1"))

        expect(res.status).toBe(200)
        const claims = decodeJwt(res.data.token)
        expect(claims).toEqual(
          expect.objectContaining({ actor_type: "customer", actor_id: "", auth_provider: "clerk" })
        )

        const auth = getContainer().resolve(Modules.AUTH)
        const identities = await auth.listProviderIdentities({ provider: "clerk" })
        expect(identities).toHaveLength(1)
        expect(identities[0].entity_id).toBe("user_valid_1")
        expect(identities[0].auth_identity_id).toBe(claims.auth_identity_id)

        // Signing in again reuses the identity.
        const again = await exchange(clerk.token("user_valid_1"))
        expect(decodeJwt(again.data.token).auth_identity_id).toBe(claims.auth_identity_id)
        expect(clerk.clerk.count()).toBe(0)
      })

      const now = () => Math.floor(Date.now() / 1000)
      const otherKeys = createClerkKeyPair()
      const rejections: [string, () => unknown, RegExp][] = [
        ["an expired token", () => clerk.token("user_r", { iat: now() - 120, nbf: now() - 120, exp: now() - 10 }), /token-expired/],
        ["a token not active yet", () => clerk.token("user_r", { nbf: now() + 120, exp: now() + 180 }), /token-not-active-yet/],
        ["a token issued in the future", () => clerk.token("user_r", { iat: now() + 120, nbf: now() - 1 }), /token-iat-in-the-future/],
        ["a token signed by another key", () => signSessionToken(otherKeys, { sub: "user_r" }, { header: { kid: clerk.keys.kid } }), /token-invalid-signature/],
        ["a token for another origin (azp)", () => clerk.token("user_r", { azp: "https://evil.example" }), /token-invalid-authorized-parties/],
        ["a token without azp", () => clerk.token("user_r", { azp: undefined }), /token-invalid-authorized-parties/],
        ["a token from another Clerk instance (iss)", () => clerk.token("user_r", { iss: "https://other.clerk.example" }), /token-invalid-issuer/],
        ["an unsigned token (alg none)", () => clerk.token("user_r", {}, { algorithm: "none" }), /token-invalid-algorithm/],
        ["an HS256 token", () => clerk.token("user_r", {}, { algorithm: "HS256", secret: clerk.keys.publicKeyPem }), /token-invalid-algorithm/],
        ["a malformed token", () => "not-a-jwt", /token-invalid/],
        ["a token without sub", () => clerk.token("user_r", { sub: undefined }), /token-verification-failed|sub/],
        ["a pending session", () => clerk.token("user_r", { sts: "pending" }), /token-verification-failed/],
        ["a missing token", () => undefined, /Missing Clerk session token/],
        ["a non-string token", () => 42, /token-invalid/],
      ]

      it.each(rejections)("rejects %s with 401 naming the reason and creates nothing", async (_name, makeToken, reason) => {
        const res = await exchange(makeToken())

        expect(res.status).toBe(401)
        expect(res.data.message).toMatch(reason)
        expect(res.data.token).toBeUndefined()
        const auth = getContainer().resolve(Modules.AUTH)
        expect(await auth.listProviderIdentities({ provider: "clerk" })).toHaveLength(0)
        expect(clerk.clerk.count()).toBe(0)
      })

      it("creates exactly one identity when 20 first sign-ins of one user race", async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, () => exchange(clerk.token("user_race")))
        )

        expect(results.map((r) => r.status)).toEqual(Array(20).fill(200))
        const identityIds = new Set(results.map((r) => decodeJwt(r.data.token).auth_identity_id))
        expect(identityIds.size).toBe(1)
        const auth = getContainer().resolve(Modules.AUTH)
        expect(await auth.listProviderIdentities({ provider: "clerk", entity_id: "user_race" })).toHaveLength(1)
        expect(await auth.listAuthIdentities({})).toHaveLength(1)
      })
    })

  },
})
