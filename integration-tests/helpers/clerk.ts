import type { AxiosInstance } from "axios"
import {
  buildClerkOrganization,
  buildClerkUser,
  createClerkKeyPair,
  signSessionToken,
  startClerkStandIn,
} from "./clerk-stand-in"

export { buildClerkOrganization, buildClerkUser, signSessionToken }

export type CompanyRoleInClerk = "org:admin" | "org:member" | (string & {})

export const STOREFRONT_ORIGIN = "http://localhost:3000"
export const CLERK_ISSUER = "https://clerk.example.test"

export type ClerkStandIn = Awaited<ReturnType<typeof startClerkStandIn>>

/**
 * Wires a test file to an offline Clerk: a key pair made now, the Backend
 * API stand-in on 127.0.0.1, and the env the plugin reads. Call at the top
 * level of a spec, before `medusaIntegrationTestRunner({ env })`: the env
 * object is filled in before the runner's own beforeAll boots Medusa.
 */
export function useOfflineClerk(overrides: Record<string, string> = {}) {
  const keys = createClerkKeyPair()
  const env: Record<string, string> = {}
  const ctx = {
    keys,
    env,
    clerk: undefined as unknown as ClerkStandIn,
    /** A session token for `userId`, signed like Clerk signs them. */
    token(userId: string, claims: Record<string, unknown> = {}, options = {}) {
      return signSessionToken(keys, { sub: userId, ...claims }, options)
    },
    /** Puts a user into the stand-in (API shape) and returns it. */
    user(options: Parameters<typeof buildClerkUser>[0] = {}) {
      return ctx.clerk.putUser(buildClerkUser(options))
    },
    /** Puts an organization into the stand-in and returns it. */
    organization(name = "Acme GmbH", options: Parameters<typeof buildClerkOrganization>[0] = {}) {
      return ctx.clerk.putOrganization(buildClerkOrganization({ name, ...options }))
    },
    /**
     * The storefront flow for a new Clerk user: sign in, sync the role,
     * refresh the token. `token` then acts as the customer. `memberships`
     * are added in the stand-in before the sign-in; `syncBody` is sent with
     * the sync (e.g. `{ organization_id }`).
     */
    async customer(
      api: AxiosInstance,
      pk: string,
      options: Parameters<typeof buildClerkUser>[0] = {},
      {
        memberships = [],
        syncBody,
      }: {
        memberships?: { organizationId: string; role?: CompanyRoleInClerk }[]
        syncBody?: Record<string, unknown>
      } = {}
    ) {
      const user = ctx.user(options)
      for (const m of memberships) {
        ctx.clerk.setMembership(m.organizationId, user.id, m.role ?? "org:member")
      }
      const post = (url: string, token?: string, body?: unknown) =>
        api.post(url, body, {
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(url.startsWith("/store") ? { "x-publishable-api-key": pk } : {}),
          },
          validateStatus: () => true,
        })
      const signedIn = await post("/auth/customer/clerk", undefined, { token: ctx.token(user.id) })
      expect(signedIn.status).toBe(200)
      const synced = await post("/store/customers/sync-role", signedIn.data.token, syncBody)
      expect(synced.status).toBe(200)
      const refreshed = await post("/auth/token/refresh", signedIn.data.token)
      expect(refreshed.status).toBe(200)
      return {
        user,
        customerId: synced.data.customer.id as string,
        email: synced.data.customer.email as string,
        signInToken: signedIn.data.token as string,
        token: refreshed.data.token as string,
        synced: synced.data,
      }
    },
  }

  beforeAll(async () => {
    ctx.clerk = await startClerkStandIn({ keys })
    Object.assign(env, {
      CLERK_SECRET_KEY: ctx.clerk.secretKey,
      CLERK_JWT_KEY: keys.publicKeyPem,
      CLERK_API_URL: ctx.clerk.url,
      CLERK_AUTHORIZED_PARTIES: STOREFRONT_ORIGIN,
      CLERK_ISSUER,
      CLERK_API_TIMEOUT_MS: "1000",
      ...overrides,
    })
  })

  afterAll(async () => {
    await ctx.clerk?.close()
  })

  return ctx
}
