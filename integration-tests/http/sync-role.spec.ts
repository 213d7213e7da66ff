import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { testDbName } from "../helpers/db-name"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { useOfflineClerk } from "../helpers/clerk"
import {
  createAdminToken,
  createStoreContext,
  decodeJwt,
  httpClient,
  registerEmailpassCustomer,
} from "../helpers/medusa"

jest.setTimeout(120 * 1000)

const clerk = useOfflineClerk()

medusaIntegrationTestRunner({
  dbName: testDbName("sync-role"),
  env: clerk.env,
  testSuite: ({ api, getContainer }) => {
    let pk: string
    const http = () => httpClient(api)

    beforeEach(async () => {
      pk = (await createStoreContext(getContainer())).publishableKey
      clerk.clerk.setMode("ok")
      clerk.clerk.resetRequests()
    })

    const signIn = async (userId: string) => {
      const res = await http()("POST", "/auth/customer/clerk", {
        body: { token: clerk.token(userId) },
      })
      expect(res.status).toBe(200)
      return res.data.token as string
    }
    const sync = (token: string) =>
      http()("POST", "/store/customers/sync-role", { token, pk })
    const refresh = async (token: string) => {
      const res = await http()("POST", "/auth/token/refresh", { token })
      expect(res.status).toBe(200)
      return res.data.token as string
    }

    const counts = async () => {
      const container = getContainer()
      const customers = await container.resolve(Modules.CUSTOMER).listCustomers({})
      const metas = await container.resolve("roleSyncCustomerMeta").listCustomerMetas({})
      return { customers: customers.length, metas: metas.length }
    }

    describe("POST /store/customers/sync-role", () => {
      it("creates a registered customer with an individual role for a user without metadata, binds the identity, and the refreshed token acts as that customer", async () => {
        const user = clerk.user({ email: "Ada@Example.test", firstName: "Ada", lastName: "Lovelace" })
        const token = await signIn(user.id)

        const res = await sync(token)

        expect(res.status).toBe(200)
        expect(res.data.created).toBe(true)
        expect(res.data.customer).toEqual({
          id: expect.stringMatching(/^cus_/),
          email: "ada@example.test",
          first_name: "Ada",
          last_name: "Lovelace",
        })
        expect(res.data.customer_meta).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^cmeta_/),
            customer_id: res.data.customer.id,
            account_type: "individual",
            company_name: null,
            tax_id: null,
            is_verified: false,
          })
        )
        // The user and its organization memberships (DESIGN §10): two calls.
        expect(clerk.clerk.count(`/v1/users/${user.id}`)).toBe(2)
        expect(clerk.clerk.count(`/v1/users/${user.id}/organization_memberships`)).toBe(1)

        const customer = await getContainer()
          .resolve(Modules.CUSTOMER)
          .retrieveCustomer(res.data.customer.id)
        expect(customer.has_account).toBe(true)

        const refreshed = await refresh(token)
        expect(decodeJwt(refreshed).actor_id).toBe(res.data.customer.id)

        const me = await http()("GET", "/store/customers/me?fields=*customer_meta", { token: refreshed, pk })
        expect(me.status).toBe(200)
        expect(me.data.customer.id).toBe(res.data.customer.id)
        expect(me.data.customer.customer_meta).toEqual(
          expect.objectContaining({ id: res.data.customer_meta.id, account_type: "individual" })
        )
        // The customer sees their role, not the Clerk id or which admin verified.
        expect(me.data.customer.customer_meta.clerk_user_id).toBeUndefined()
        expect(me.data.customer.customer_meta.verified_by).toBeUndefined()
        const probe = await http()("GET", "/store/customers/me?fields=id,%2Bcustomer_meta.clerk_user_id", { token: refreshed, pk })
        expect(probe.status).toBe(200)
        expect(probe.data.customer.customer_meta?.clerk_user_id).toBeUndefined()
        const plus = await http()("GET", "/store/customers/me?fields=%2B*customer_meta", { token: refreshed, pk })
        expect(plus.data.customer.email).toBe("ada@example.test")
        expect(plus.data.customer.customer_meta.account_type).toBe("individual")
      })

      it("stores a declared business with its company and a canonical tax ID, unverified", async () => {
        const user = clerk.user({
          unsafeMetadata: { accountType: "Business", company: "  Acme GmbH ", tax_id: " de 136 695.976 " },
        })
        const res = await sync(await signIn(user.id))

        expect(res.status).toBe(200)
        expect(res.data.customer_meta).toEqual(
          expect.objectContaining({
            account_type: "business",
            company_name: "Acme GmbH",
            tax_id: "DE136695976",
            tax_id_country: "DE",
            // VIES is off by default: format and check digits only.
            tax_id_status: "format_valid",
            is_verified: false,
          })
        )
      })

      it("accepts the companyName / taxId spellings", async () => {
        const user = clerk.user({
          unsafeMetadata: { accountType: "business", companyName: "Globex", taxId: "980-7806-84", taxCountry: "gb" },
        })
        const res = await sync(await signIn(user.id))
        expect(res.status).toBe(200)
        expect(res.data.customer_meta).toEqual(
          expect.objectContaining({ company_name: "Globex", tax_id: "GB980780684", tax_id_country: "GB", tax_id_status: "format_valid" })
        )
      })

      it("is idempotent: a second sync with unchanged data answers created:false and writes nothing", async () => {
        const user = clerk.user({ unsafeMetadata: { accountType: "business", company: "Acme" } })
        const first = await sync(await signIn(user.id))
        const token = await refresh(await signIn(user.id))

        const second = await sync(token)

        expect(second.status).toBe(200)
        expect(second.data.created).toBe(false)
        expect(second.data.customer.id).toBe(first.data.customer.id)
        expect(second.data.customer_meta.updated_at).toBe(first.data.customer_meta.updated_at)
        expect(await counts()).toEqual({ customers: 1, metas: 1 })

        // Clerk touched the user (a new updated_at) but not the role: still no write.
        user.updated_at = Date.now() + 1000
        const third = await sync(token)
        expect(third.data.created).toBe(false)
        const meta = await getContainer().resolve("roleSyncCustomerMeta").retrieveByCustomerId(first.data.customer.id)
        expect(new Date(meta.updated_at).toISOString()).toBe(first.data.customer_meta.updated_at)
      })

      it("follows a metadata change in Clerk on the next sync", async () => {
        const user = clerk.user({ unsafeMetadata: {} })
        const token = await signIn(user.id)
        const first = await sync(token)
        expect(first.data.customer_meta.account_type).toBe("individual")

        user.unsafe_metadata = { accountType: "business", company: "Initech" }
        const second = await sync(await refresh(token))

        expect(second.status).toBe(200)
        expect(second.data.customer_meta).toEqual(
          expect.objectContaining({ id: first.data.customer_meta.id, account_type: "business", company_name: "Initech" })
        )
      })

      it("reads the account type from public_metadata when configured to, and ignores unsafe_metadata", async () => {
        // Exercised through the workflow directly: the option is per store.
        const { syncCustomerRoleWorkflow } = await import("../../src/workflows/customer-meta")
        const user = clerk.user({
          unsafeMetadata: { accountType: "business", company: "Claimed Inc" },
          publicMetadata: {},
        })
        const { result } = await syncCustomerRoleWorkflow(getContainer()).run({
          input: {
            clerk_user: {
              id: user.id,
              email: user.email_addresses[0].email_address,
              email_verified: true,
              first_name: null,
              last_name: null,
              unsafe_metadata: user.unsafe_metadata,
              public_metadata: user.public_metadata,
              updated_at: user.updated_at,
            },
            account_type_source: "public_metadata",
          },
        })
        expect(result.customer_meta.account_type).toBe("individual")
      })

      describe("invalid metadata → 422 naming the field, nothing written", () => {
        const cases: [string, Record<string, unknown>, RegExp][] = [
          ["an unknown account type", { accountType: "admin" }, /unsafe_metadata\.accountType/],
          ["a non-string account type", { accountType: ["business"] }, /unsafe_metadata\.accountType/],
          ["a business without company", { accountType: "business" }, /unsafe_metadata\.company/],
          ["a blank company", { accountType: "business", company: "   " }, /unsafe_metadata\.company/],
          ["a company over 255 characters", { accountType: "business", company: "x".repeat(256) }, /unsafe_metadata\.company/],
          ["a tax ID with bad characters", { accountType: "business", company: "Acme", tax_id: "DE#123" }, /unsafe_metadata\.tax_id/],
          ["a tax ID over 32 characters", { accountType: "business", company: "Acme", taxId: "A".repeat(33) }, /unsafe_metadata\.taxId/],
          ["a non-string tax ID", { accountType: "business", company: "Acme", tax_id: 12345 }, /unsafe_metadata\.tax_id/],
          ["a tax ID with a wrong check digit", { accountType: "business", company: "Acme", tax_id: "DE 136 695 978" }, /unsafe_metadata\.tax_id is not a valid German VAT number.*check digit is wrong/],
          ["a tax ID in the wrong format", { accountType: "business", company: "Acme", taxId: "DE 1234" }, /unsafe_metadata\.taxId is not a valid German VAT number.*format is wrong/],
          ["a tax ID that fails its tax_country", { accountType: "business", company: "Acme", tax_id: "83 914 571 674", tax_country: "AU" }, /unsafe_metadata\.tax_id is not a valid Australian Business Number.*check digit/],
          ["a tax_country that is no country", { accountType: "business", company: "Acme", tax_id: "123", tax_country: "Germany" }, /unsafe_metadata\.tax_country must be an ISO 3166-1/],
        ]
        it.each(cases)("%s", async (_name, unsafeMetadata, field) => {
          const user = clerk.user({ unsafeMetadata })
          const token = await signIn(user.id)

          const res = await sync(token)

          expect(res.status).toBe(422)
          expect(res.data.code).toBe("invalid_metadata")
          expect(res.data.message).toMatch(field)
          expect(await counts()).toEqual({ customers: 0, metas: 0 })
          const auth = getContainer().resolve(Modules.AUTH)
          const identity = await auth.retrieveAuthIdentity(decodeJwt(token).auth_identity_id)
          expect(identity.app_metadata?.customer_id).toBeUndefined()
        })
      })

      describe("account takeover", () => {
        it("refuses with 409 when a registered customer with the same email is not bound to this Clerk user, and changes nothing", async () => {
          const victim = await registerEmailpassCustomer(api, pk, "victim@example.test")
          const before = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(victim.customerId)
          const user = clerk.user({ email: "victim@example.test", emailVerified: true })
          const token = await signIn(user.id)

          const res = await sync(token)

          expect(res.status).toBe(409)
          expect(res.data.code).toBe("account_conflict")
          expect(res.data.message).toMatch(/registered customer with this email/)
          expect(await counts()).toEqual({ customers: 1, metas: 0 })
          const after = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(victim.customerId)
          expect(after.updated_at).toEqual(before.updated_at)
          const identity = await getContainer()
            .resolve(Modules.AUTH)
            .retrieveAuthIdentity(decodeJwt(token).auth_identity_id)
          expect(identity.app_metadata?.customer_id).toBeUndefined()
        })

        it("reuses a guest customer with the same email when Clerk has verified the email", async () => {
          const customerService = getContainer().resolve(Modules.CUSTOMER)
          const guest = await customerService.createCustomers({ email: "guest@example.test", has_account: false })
          const user = clerk.user({ email: "guest@example.test", emailVerified: true })

          const res = await sync(await signIn(user.id))

          expect(res.status).toBe(200)
          expect(res.data.customer.id).toBe(guest.id)
          expect((await customerService.retrieveCustomer(guest.id)).has_account).toBe(true)
          expect(await counts()).toEqual({ customers: 1, metas: 1 })
        })

        it.each([
          ["and a guest customer has it", true],
          ["and nobody has it", false],
        ])("refuses an email Clerk has not verified %s: 422, nothing written, the guest untouched", async (_name, withGuest) => {
          const customerService = getContainer().resolve(Modules.CUSTOMER)
          const guest = withGuest
            ? await customerService.createCustomers({ email: "unverified@example.test", has_account: false })
            : null
          const user = clerk.user({ email: "unverified@example.test", emailVerified: false })
          const token = await signIn(user.id)

          const res = await sync(token)

          expect(res.status).toBe(422)
          expect(res.data.code).toBe("email_not_verified")
          expect(res.data.message).toMatch(/Verify your email/)
          expect(await counts()).toEqual({ customers: withGuest ? 1 : 0, metas: 0 })
          if (guest) {
            expect((await customerService.retrieveCustomer(guest.id)).has_account).toBe(false)
          }

          // Once Clerk has verified it, the same sign-in goes through.
          user.email_addresses[0].verification.status = "verified"
          const retry = await sync(token)
          expect(retry.status).toBe(200)
          expect(retry.data.customer.email).toBe("unverified@example.test")
        })

        it("creates a customer without email for a Clerk user who has none", async () => {
          const user = clerk.user({ email: null as unknown as string })
          const res = await sync(await signIn(user.id))
          expect(res.status).toBe(200)
          expect(res.data.customer.email).toBeNull()
          expect(await counts()).toEqual({ customers: 1, metas: 1 })
        })

        it("refuses core POST /store/customers to a Clerk sign-in (no account with an arbitrary email behind the sync's back)", async () => {
          const user = clerk.user({ email: "real@example.test" })
          const token = await signIn(user.id)

          const res = await http()("POST", "/store/customers", { token, pk, body: { email: "someone-else@example.test" } })

          expect(res.status).toBe(403)
          expect(res.data.message).toMatch(/sync-role/)
          expect(await counts()).toEqual({ customers: 0, metas: 0 })
          const identity = await getContainer()
            .resolve(Modules.AUTH)
            .retrieveAuthIdentity(decodeJwt(token).auth_identity_id)
          expect(identity.app_metadata?.customer_id).toBeUndefined()
        })

        it("answers 403 to a customer signed in with another provider", async () => {
          const { token } = await registerEmailpassCustomer(api, pk, "emailpass@example.test")
          const res = await sync(token)
          expect(res.status).toBe(403)
          expect(res.data.message).toMatch(/Clerk sign-in/)
          expect(clerk.clerk.count()).toBe(0)
        })
      })

      describe("authentication", () => {
        it("answers 401 without a token and 401 with a forged token", async () => {
          expect((await sync(undefined as unknown as string)).status).toBe(401)
          expect((await sync(clerk.token("user_x"))).status).toBe(401)
          expect(clerk.clerk.count()).toBe(0)
        })

        it("answers 400 without a publishable key", async () => {
          const token = await signIn(clerk.user().id)
          const res = await http()("POST", "/store/customers/sync-role", { token })
          expect(res.status).toBe(400)
        })
      })

      describe("Clerk unavailable → 503, nothing written, success after recovery", () => {
        it.each([
          ["answers 500", "error"],
          ["never answers", "hang"],
          ["answers too slowly", "slow"],
        ])("when Clerk %s", async (_name, mode) => {
          const user = clerk.user({ unsafeMetadata: { accountType: "business", company: "Acme" } })
          const token = await signIn(user.id)
          clerk.clerk.setMode(mode)

          const started = Date.now()
          const res = await sync(token)

          expect(res.status).toBe(503)
          expect(res.data.code).toBe("clerk_unavailable")
          expect(res.data.message).toMatch(/Clerk/)
          expect(Date.now() - started).toBeLessThan(5000)
          expect(await counts()).toEqual({ customers: 0, metas: 0 })

          clerk.clerk.setMode("ok")
          const retry = await sync(token)
          expect(retry.status).toBe(200)
          expect(retry.data.created).toBe(true)
          expect(await counts()).toEqual({ customers: 1, metas: 1 })
        })

        it("answers 404 when Clerk no longer has the user, writing nothing", async () => {
          const user = clerk.user()
          const token = await signIn(user.id)
          clerk.clerk.users.delete(user.id)

          const res = await sync(token)

          expect(res.status).toBe(404)
          expect(res.data.message).toMatch(/Clerk has no such user/)
          expect(await counts()).toEqual({ customers: 0, metas: 0 })
        })
      })

      it("20 parallel sign-in + sync calls for one new user end with one customer, one customer_meta and one binding", async () => {
        const user = clerk.user({ unsafeMetadata: { accountType: "business", company: "Parallel AG" } })

        const results = await Promise.all(
          Array.from({ length: 20 }, async () => sync(await signIn(user.id)))
        )

        expect(results.map((r) => r.status)).toEqual(Array(20).fill(200))
        const customerIds = new Set(results.map((r) => r.data.customer.id))
        expect(customerIds.size).toBe(1)
        expect(results.filter((r) => r.data.created)).toHaveLength(1)
        expect(await counts()).toEqual({ customers: 1, metas: 1 })
        const auth = getContainer().resolve(Modules.AUTH)
        const identities = await auth.listAuthIdentities({})
        expect(identities).toHaveLength(1)
        expect(identities[0].app_metadata?.customer_id).toBe([...customerIds][0])
      })
    })

    describe("GET /store/customers/sync-role/:id", () => {
      it("returns the caller's own role, 404 for any other id, 401 anonymous", async () => {
        const alice = clerk.user({ unsafeMetadata: { accountType: "business", company: "Alice Ltd" } })
        const bob = clerk.user()
        const aliceToken = await signIn(alice.id)
        const aliceSync = await sync(aliceToken)
        const bobSync = await sync(await signIn(bob.id))
        const aliceRefreshed = await refresh(aliceToken)

        const own = await http()("GET", `/store/customers/sync-role/${aliceSync.data.customer.id}`, { token: aliceRefreshed, pk })
        expect(own.status).toBe(200)
        expect(own.data.customer_meta).toEqual(
          expect.objectContaining({ account_type: "business", company_name: "Alice Ltd" })
        )
        expect(own.data.customer_meta.verified_by).toBeUndefined()

        const other = await http()("GET", `/store/customers/sync-role/${bobSync.data.customer.id}`, { token: aliceRefreshed, pk })
        expect(other.status).toBe(404)
        const missing = await http()("GET", "/store/customers/sync-role/cus_does_not_exist", { token: aliceRefreshed, pk })
        expect(missing.status).toBe(404)
        expect(missing.data.message).toBe(other.data.message.replace(bobSync.data.customer.id, "cus_does_not_exist"))

        const anonymous = await http()("GET", `/store/customers/sync-role/${aliceSync.data.customer.id}`, { pk })
        expect(anonymous.status).toBe(401)
      })
    })

    describe("?fields= on the caller's role", () => {
      it("GET and POST answer only the fields asked for, and 400 for fields a customer may not see", async () => {
        const user = clerk.user({ unsafeMetadata: { accountType: "business", company: "Fields Ltd" } })
        const token = await signIn(user.id)
        const synced = await http()("POST", "/store/customers/sync-role?fields=account_type,company_name", { token, pk })
        expect(synced.status).toBe(200)
        expect(synced.data.customer_meta).toEqual({ id: expect.any(String), account_type: "business", company_name: "Fields Ltd" })
        const refreshed = await refresh(token)
        const url = `/store/customers/sync-role/${synced.data.customer.id}`

        const narrow = await http()("GET", `${url}?fields=is_verified`, { token: refreshed, pk })
        expect(narrow.status).toBe(200)
        expect(narrow.data.customer_meta).toEqual({ id: synced.data.customer_meta.id, is_verified: false })

        for (const fields of ["clerk_user_id", "verified_by", "*customer", "customer.email", "+clerk_user_id"]) {
          const res = await http()("GET", `${url}?fields=${encodeURIComponent(fields)}`, { token: refreshed, pk })
          expect({ fields, status: res.status }).toEqual({ fields, status: 400 })
          expect(res.data.message).toContain(fields.replace(/^[+*]/, ""))
        }
        const post = await http()("POST", "/store/customers/sync-role?fields=verified_by", { token: refreshed, pk })
        expect(post.status).toBe(400)
      })
    })

    describe("Query and core routes", () => {
      it("GET /admin/customers/:id?fields=*customer_meta returns the role on Medusa's own route", async () => {
        const user = clerk.user({ unsafeMetadata: { accountType: "business", company: "Admin View" } })
        const synced = await sync(await signIn(user.id))
        const admin = await createAdminToken(api, getContainer())

        const res = await http()("GET", `/admin/customers/${synced.data.customer.id}?fields=*customer_meta`, { token: admin.token })

        expect(res.status).toBe(200)
        expect(res.data.customer.customer_meta).toEqual(
          expect.objectContaining({ company_name: "Admin View", clerk_user_id: user.id })
        )
      })

      it("Query resolves the link both ways", async () => {
        const user = clerk.user()
        const synced = await sync(await signIn(user.id))
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)

        const { data: [meta] } = await query.graph({
          entity: "customer_meta",
          fields: ["id", "customer.email"],
          filters: { id: synced.data.customer_meta.id },
        })
        expect(meta.customer.email).toBe(synced.data.customer.email)

        const { data: [customer] } = await query.graph({
          entity: "customer",
          fields: ["id", "customer_meta.account_type"],
          filters: { id: synced.data.customer.id },
        })
        expect(customer.customer_meta.account_type).toBe("individual")
      })
    })
  },
})
