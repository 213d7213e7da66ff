import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { getHttpResponseFromError } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { testDbName } from "../helpers/db-name"
import { buildClerkUser, useOfflineClerk } from "../helpers/clerk"
import {
  collectEvents,
  createStoreContext,
  decodeJwt,
  httpClient,
  registerEmailpassCustomer,
  settle,
} from "../helpers/medusa"
import { clerkEvent, createSvixSecret, signSvix } from "../helpers/svix"
import { requireVerifiedBusiness } from "../../src/api/guards"
import { ClerkUserJson } from "../../src/modules/clerk/clerk-user"
import { customerRoleCacheTag } from "../../src/utils/customer-role-cache"
import {
  applyClerkProfileToCustomerStepId,
  clearCustomerRoleCacheStepId,
  deleteClerkUserWorkflow,
  endCustomerGroupMembershipsStepId,
  markClerkUserDeletedStepId,
  setAuthIdentityCustomerStepId,
  syncCustomerRoleWorkflow,
  upsertCustomerMetaStepId,
  verifyBusinessCustomerWorkflow,
} from "../../src/workflows/customer-meta"

jest.setTimeout(180 * 1000)

const SECRET = createSvixSecret()
const clerk = useOfflineClerk({ CLERK_WEBHOOK_SIGNING_SECRET: SECRET })

// Roles are served from Medusa's Caching Module in this suite, so rollbacks
// are checked for stale cache entries too (see authorization-matrix.spec.ts
// for why the flag is set on the process).
const cachingFlag = process.env.MEDUSA_FF_CACHING
beforeAll(() => {
  process.env.MEDUSA_FF_CACHING = "true"
})
afterAll(() => {
  if (cachingFlag === undefined) delete process.env.MEDUSA_FF_CACHING
  else process.env.MEDUSA_FF_CACHING = cachingFlag
})

type ClerkApiUser = ReturnType<typeof buildClerkUser>

/**
 * DESIGN §8: Clerk is the source of identity; the shop follows it and never
 * locks a person out. Every failing input of issue 7 part 2 is a test here,
 * through HTTP and signed webhooks, plus the rollbacks of the sync and the
 * deletion (issue 10) and the errors a host route gets from the workflow.
 */
medusaIntegrationTestRunner({
  dbName: testDbName("identity-lifecycle"),
  env: clerk.env,
  testSuite: ({ api, getContainer }) => {
    let pk: string
    const http = () => httpClient(api)

    beforeEach(async () => {
      pk = (await createStoreContext(getContainer())).publishableKey
      clerk.clerk.setMode("ok")
      clerk.clerk.resetRequests()
    })

    const customers = () => getContainer().resolve(Modules.CUSTOMER)
    const auth = () => getContainer().resolve(Modules.AUTH)
    const metaService = () => getContainer().resolve("roleSyncCustomerMeta")
    const liveMeta = async (clerkUserId: string) =>
      (await metaService().listCustomerMetas({ clerk_user_id: clerkUserId }))[0] ?? null

    const exchange = (clerkUserId: string) =>
      http()("POST", "/auth/customer/clerk", { body: { token: clerk.token(clerkUserId) } })
    const signIn = async (clerkUserId: string) => {
      const res = await exchange(clerkUserId)
      expect(res.status).toBe(200)
      return res.data.token as string
    }
    const sync = (token: string) => http()("POST", "/store/customers/sync-role", { token, pk })
    const refresh = async (token: string) => {
      const res = await http()("POST", "/auth/token/refresh", { token })
      expect(res.status).toBe(200)
      return res.data.token as string
    }
    const identityOf = async (token: string) =>
      auth().retrieveAuthIdentity(decodeJwt(token).auth_identity_id)

    /** A Clerk event, signed like Svix signs it. */
    const deliver = (type: string, data: unknown) => {
      const body = JSON.stringify(clerkEvent(type, data))
      return http()("POST", "/hooks/clerk", {
        body: Buffer.from(body),
        headers: { "content-type": "application/json", ...signSvix(SECRET, body) },
      })
    }
    const deleted = (id: string) => deliver("user.deleted", { object: "user", id, deleted: true })
    /** The same user as Clerk sends it after a change. */
    const changed = (user: ClerkApiUser, patch: Partial<ClerkApiUser>) => ({
      ...user,
      ...patch,
      updated_at: user.updated_at + 1000,
    })
    const withEmail = (user: ClerkApiUser, email: string, verified = true) => ({
      email_addresses: [
        {
          ...user.email_addresses[0],
          email_address: email,
          verification: { ...user.email_addresses[0].verification, status: verified ? "verified" : "unverified" },
        },
      ],
    })

    const registeredWith = async (email: string) =>
      (await customers().listCustomers({ has_account: true })).filter(
        (c) => c.email?.toLowerCase() === email.toLowerCase()
      )
    const groupsOf = async (customerId: string) =>
      (await customers().listCustomerGroupCustomers({ customer_id: customerId })).map(
        (m) => m.customer_group_id
      ).sort()
    const verify = (customerId: string) =>
      verifyBusinessCustomerWorkflow(getContainer()).run({
        input: { customer_id: customerId, verified: true, actor_id: "user_admin_test" },
      })
    const guard = (customerId: string) =>
      new Promise<MedusaError | undefined>((resolve) =>
        requireVerifiedBusiness()(
          { scope: getContainer(), auth_context: { actor_id: customerId } } as any,
          {} as any,
          (e?: unknown) => resolve(e as MedusaError | undefined)
        )
      )
    /** Runs the guard, which caches the role it read (written in the background). */
    const cacheRole = async (customerId: string) => {
      const result = await guard(customerId)
      await settle(100)
      return result
    }
    /** What Medusa's Caching Module holds for the customer's role, as JSON. */
    const cachedRole = async (customerId: string) => {
      const caching = getContainer().resolve(Modules.CACHING, { allowUnregistered: true }) as any
      return JSON.stringify((await caching.get({ tags: [customerRoleCacheTag(customerId)] })) ?? null)
    }

    /** A Clerk user in the stand-in who signed in and synced. */
    const syncedUser = async (options: Parameters<typeof buildClerkUser>[0] = {}) => {
      const user = clerk.user(options)
      const token = await signIn(user.id)
      const synced = await sync(token)
      expect(synced.status).toBe(200)
      return { user, token, customerId: synced.data.customer.id as string, synced }
    }

    describe("§8.1 emails are compared case-insensitively", () => {
      it("an emailpass customer Mixed.Case@Example.test and a verified Clerk user mixed.case@example.test: 409 and no second registered customer, through the sync and the webhook", async () => {
        const owner = await registerEmailpassCustomer(api, pk, "Mixed.Case@Example.test")
        const before = await customers().retrieveCustomer(owner.customerId)
        expect(before.email).toBe("Mixed.Case@Example.test")
        const user = clerk.user({ email: "mixed.case@example.test", emailVerified: true })
        const token = await signIn(user.id)

        const res = await sync(token)

        expect(res.status).toBe(409)
        expect(res.data.code).toBe("account_conflict")
        expect(await registeredWith("mixed.case@example.test")).toHaveLength(1)
        expect((await identityOf(token)).app_metadata?.customer_id ?? null).toBeNull()
        expect(await liveMeta(user.id)).toBeNull()

        const hook = await deliver("user.created", { ...user, id: "user_webhook_mixed_case" })
        expect(hook.status).toBe(200)
        expect(hook.data.ignored).toMatch(/^account conflict/)
        expect(await registeredWith("mixed.case@example.test")).toHaveLength(1)
        expect((await customers().retrieveCustomer(owner.customerId)).updated_at).toEqual(before.updated_at)
      })

      it("a guest customer Guest.Case@Example.test is reused by a verified Clerk user guest.case@example.test", async () => {
        const guest = await customers().createCustomers({ email: "Guest.Case@Example.test", has_account: false })
        const user = clerk.user({ email: "guest.case@example.test", emailVerified: true })

        const res = await sync(await signIn(user.id))

        expect(res.status).toBe(200)
        expect(res.data.customer.id).toBe(guest.id)
        expect((await customers().retrieveCustomer(guest.id)).has_account).toBe(true)
        expect(await customers().listCustomers({})).toHaveLength(1)
      })

      it("LIKE wildcards in an email are literal: a_b@example.test does not block axb@example.test", async () => {
        await registerEmailpassCustomer(api, pk, "a_b@example.test")
        const user = clerk.user({ email: "axb@example.test", emailVerified: true })

        const res = await sync(await signIn(user.id))

        expect(res.status).toBe(200)
        expect(res.data.customer.email).toBe("axb@example.test")
      })

      it("the verified-business email guard on core cart routes matches any case", async () => {
        const business = await syncedUser({
          email: "biz.owner@example.test",
          unsafeMetadata: { accountType: "business", company: "Biz GmbH" },
        })
        await verify(business.customerId)
        // Stored in another case (e.g. an admin edited it).
        await customers().updateCustomers(business.customerId, { email: "Biz.Owner@Example.test" })

        const res = await http()("POST", "/store/carts", { pk, body: { email: "biz.owner@EXAMPLE.test" } })

        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/belongs to a verified business account/)
      })
    })

    describe("§8.2 email and names follow Clerk", () => {
      it("a re-sync writes Clerk's new verified email and names; the old address is then free for a new person", async () => {
        const { user, token, customerId } = await syncedUser({
          email: "old.address@example.test",
          firstName: "Ada",
          lastName: "Byron",
        })
        const events = collectEvents(getContainer(), ["customer.updated"])
        Object.assign(user, withEmail(user, "New.Address@Example.test"), {
          first_name: "Ada",
          last_name: "Lovelace",
          updated_at: user.updated_at + 1000,
        })

        const res = await sync(await refresh(token))

        expect(res.status).toBe(200)
        expect(res.data.customer).toEqual({
          id: customerId,
          email: "new.address@example.test",
          first_name: "Ada",
          last_name: "Lovelace",
        })
        const me = await http()("GET", "/store/customers/me", { token: await refresh(token), pk })
        expect(me.data.customer).toEqual(
          expect.objectContaining({ email: "new.address@example.test", last_name: "Lovelace" })
        )
        await settle()
        expect(events.seen).toEqual([{ name: "customer.updated", data: { id: customerId } }])
        events.stop()

        // The same data again writes nothing.
        const before = await customers().retrieveCustomer(customerId)
        expect((await sync(await refresh(token))).status).toBe(200)
        expect((await customers().retrieveCustomer(customerId)).updated_at).toEqual(before.updated_at)

        const newcomer = clerk.user({ email: "old.address@example.test", emailVerified: true })
        const taken = await sync(await signIn(newcomer.id))
        expect(taken.status).toBe(200)
        expect(taken.data.created).toBe(true)
        expect(taken.data.customer.id).not.toBe(customerId)
        expect(taken.data.customer.email).toBe("old.address@example.test")
      })

      it("user.updated writes the new verified email and names", async () => {
        const user = buildClerkUser({ email: "hook.old@example.test", firstName: "Grace", lastName: "Brewster" })
        const created = await deliver("user.created", user)
        const customerId = created.data.customer_id as string

        const res = await deliver(
          "user.updated",
          changed(user, { ...withEmail(user, "hook.new@example.test"), last_name: "Hopper" } as any)
        )

        expect(res.status).toBe(200)
        expect(res.data).toEqual({ received: true, type: "user.updated", customer_id: customerId, changed: true })
        expect(await customers().retrieveCustomer(customerId)).toEqual(
          expect.objectContaining({ email: "hook.new@example.test", first_name: "Grace", last_name: "Hopper" })
        )
      })

      it("an email another registered customer holds: the sync answers 409 and the webhook ignored, nothing changes (the role change of the same sync included)", async () => {
        await registerEmailpassCustomer(api, pk, "Taken@Example.test")
        const { user, token, customerId, synced } = await syncedUser({ email: "mine@example.test", firstName: "Kim" })
        const before = await customers().retrieveCustomer(customerId)
        const metaBefore = await liveMeta(user.id)
        Object.assign(user, withEmail(user, "taken@example.test"), {
          first_name: "Kimberly",
          unsafe_metadata: { accountType: "business", company: "Kim Ltd" },
          updated_at: user.updated_at + 1000,
        })

        const res = await sync(await refresh(token))

        expect(res.status).toBe(409)
        expect(res.data.code).toBe("account_conflict")
        expect(res.data.message).toMatch(/taken@example\.test belongs to another registered customer/)
        expect(await customers().retrieveCustomer(customerId)).toEqual(
          expect.objectContaining({ email: "mine@example.test", first_name: "Kim", updated_at: before.updated_at })
        )
        expect(await liveMeta(user.id)).toEqual(metaBefore)
        expect(metaBefore.account_type).toBe(synced.data.customer_meta.account_type)

        const hook = await deliver("user.updated", user)
        expect(hook.status).toBe(200)
        expect(hook.data.ignored).toMatch(/^account conflict: .*taken@example\.test/)
        expect(await customers().retrieveCustomer(customerId)).toEqual(
          expect.objectContaining({ email: "mine@example.test", updated_at: before.updated_at })
        )
        expect(await liveMeta(user.id)).toEqual(metaBefore)
      })

      it("a new primary email Clerk has not verified is not taken; the names still follow", async () => {
        const { user, token, customerId } = await syncedUser({ email: "kept@example.test", firstName: "Lin" })
        Object.assign(user, withEmail(user, "unverified.new@example.test", false), { first_name: "Linnea" })

        const res = await sync(await refresh(token))

        expect(res.status).toBe(200)
        expect(res.data.customer).toEqual(
          expect.objectContaining({ id: customerId, email: "kept@example.test", first_name: "Linnea" })
        )
      })
    })

    describe("§8.3 user.deleted", () => {
      it("ends the role, every group and the account (a guest with its orders and addresses), tombstones the id; the same person signs up again with a new Clerk user and gets the guest back", async () => {
        const { user, token, customerId } = await syncedUser({
          email: "leaving@example.test",
          unsafeMetadata: { accountType: "business", company: "Leaving Ltd" },
        })
        const medusaToken = await refresh(token)
        await verify(customerId)
        const hostGroup = await customers().createCustomerGroups({ name: "Newsletter VIP" })
        await customers().addCustomerToGroup({ customer_id: customerId, customer_group_id: hostGroup.id })
        expect(await groupsOf(customerId)).toHaveLength(2)
        await customers().createCustomerAddresses({
          customer_id: customerId,
          address_1: "Hauptstraße 1",
          city: "Berlin",
          country_code: "de",
        })
        expect(await cacheRole(customerId)).toBeUndefined()
        const events = collectEvents(getContainer(), ["customer.updated", "customer_meta.unverified"])

        const res = await deleted(user.id)

        expect(res.status).toBe(200)
        expect(res.data).toEqual({ received: true, type: "user.deleted", customer_id: customerId, deleted: true })
        expect(await liveMeta(user.id)).toBeNull()
        expect(await groupsOf(customerId)).toEqual([])
        const customer = await customers().retrieveCustomer(customerId, { relations: ["addresses"] })
        expect(customer).toEqual(
          expect.objectContaining({ has_account: false, email: "leaving@example.test", deleted_at: null })
        )
        expect(customer.addresses).toHaveLength(1)
        expect((await identityOf(token)).app_metadata?.customer_id ?? null).toBeNull()
        expect((await guard(customerId))?.type).toBe(MedusaError.Types.FORBIDDEN)
        await settle()
        expect(events.names().sort()).toEqual(["customer.updated", "customer_meta.unverified"])
        events.stop()

        // A still-valid Clerk session token no longer signs in.
        const exchanged = await exchange(user.id)
        expect(exchanged.status).toBe(401)
        expect(exchanged.data.message).toMatch(/Clerk user was deleted/)
        // A Medusa token from before the deletion can't sync (no Clerk call made).
        clerk.clerk.resetRequests()
        const resync = await sync(medusaToken)
        expect(resync.status).toBe(401)
        expect(resync.data.code).toBe("clerk_user_deleted")
        expect(clerk.clerk.count()).toBe(0)
        // Late events for the id change nothing.
        const late = await deliver("user.updated", changed(user, { first_name: "Late" }))
        expect(late.data.ignored).toMatch(/was deleted/)
        const lateCreate = await deliver("user.created", changed(user, {}))
        expect(lateCreate.data.ignored).toMatch(/was deleted/)
        expect(await liveMeta(user.id)).toBeNull()
        expect((await customers().retrieveCustomer(customerId)).has_account).toBe(false)
        // A replay is harmless.
        const replay = await deleted(user.id)
        expect(replay.data).toEqual({
          received: true,
          type: "user.deleted",
          deleted: false,
          ignored: "no customer is linked to this Clerk user",
        })

        // The same person signs up again: a new Clerk user id, the same verified email.
        const again = clerk.user({ email: "leaving@example.test", emailVerified: true })
        const againToken = await signIn(again.id)
        const back = await sync(againToken)
        expect(back.status).toBe(200)
        expect(back.data.created).toBe(true)
        expect(back.data.customer.id).toBe(customerId)
        expect(back.data.customer_meta).toEqual(
          expect.objectContaining({ account_type: "individual", is_verified: false })
        )
        expect((await customers().retrieveCustomer(customerId)).has_account).toBe(true)
        expect(await groupsOf(customerId)).toEqual([])
        const me = await http()("GET", "/store/customers/me?fields=id,*addresses", { token: await refresh(againToken), pk })
        expect(me.data.customer.id).toBe(customerId)
        expect(me.data.customer.addresses).toHaveLength(1)
      })

      it("user.deleted for a user who never synced, then a late user.created: ignored, no customer; a token of that user is refused", async () => {
        const user = buildClerkUser({ email: "never@example.test" })

        const res = await deleted(user.id)
        expect(res.status).toBe(200)

        const late = await deliver("user.created", user)
        expect(late.status).toBe(200)
        expect(late.data.ignored).toMatch(/was deleted/)
        expect(await customers().listCustomers({})).toHaveLength(0)
        expect(await liveMeta(user.id)).toBeNull()

        const exchanged = await exchange(user.id)
        expect(exchanged.status).toBe(401)
        expect(exchanged.data.message).toMatch(/Clerk user was deleted/)
      })

      it("when a guest already has the email, that guest keeps it and the deleted user's customer becomes a guest without one; a new sign-up reuses the other guest", async () => {
        const { user, customerId } = await syncedUser({ email: "shared@example.test" })
        const otherGuest = await customers().createCustomers({ email: "Shared@Example.test", has_account: false })

        const res = await deleted(user.id)

        expect(res.status).toBe(200)
        expect(await customers().retrieveCustomer(customerId)).toEqual(
          expect.objectContaining({ has_account: false, email: null })
        )
        expect((await customers().retrieveCustomer(otherGuest.id)).email).toBe("Shared@Example.test")

        const again = clerk.user({ email: "shared@example.test", emailVerified: true })
        const back = await sync(await signIn(again.id))
        expect(back.status).toBe(200)
        expect(back.data.customer.id).toBe(otherGuest.id)
      })
    })

    describe("§8.4 a failed sync leaves nothing behind", () => {
      it("a first sync with a NUL in company: 422 invalid_metadata naming the field, no customer, no role, no binding; fixed metadata then syncs", async () => {
        const user = clerk.user({ unsafeMetadata: { accountType: "business", company: "Acme\u0000GmbH" } })
        const token = await signIn(user.id)

        const res = await sync(token)

        expect(res.status).toBe(422)
        expect(res.data.code).toBe("invalid_metadata")
        expect(res.data.message).toMatch(/unsafe_metadata\.company contains a NUL character/)
        expect(await customers().listCustomers({})).toHaveLength(0)
        expect(await metaService().listCustomerMetas({})).toHaveLength(0)
        expect((await identityOf(token)).app_metadata?.customer_id ?? null).toBeNull()

        user.unsafe_metadata = { accountType: "business", company: "Acme GmbH" }
        const fixed = await sync(token)
        expect(fixed.status).toBe(200)
        expect(fixed.data.customer_meta.company_name).toBe("Acme GmbH")
        expect((await identityOf(token)).app_metadata?.customer_id).toBe(fixed.data.customer.id)
      })

      const badText: [string, Partial<Parameters<typeof buildClerkUser>[0]>, RegExp][] = [
        ["control characters and a terminal escape in company", { unsafeMetadata: { accountType: "business", company: "Acme\u0001\u001b[31mRed" } }, /unsafe_metadata\.company contains the control character U\+0001/],
        ["a bidirectional control in companyName", { unsafeMetadata: { accountType: "business", companyName: "Acme \u202eGmbH" } }, /unsafe_metadata\.companyName contains a bidirectional control character/],
        ["a company of invisible characters only", { unsafeMetadata: { accountType: "business", company: "\u200b\u200b\u00ad" } }, /unsafe_metadata\.company is required/],
        ["256 emoji as company", { unsafeMetadata: { accountType: "business", company: "🏭".repeat(256) } }, /unsafe_metadata\.company is longer than 255 characters \(256\)/],
        ["a NUL in tax_id", { unsafeMetadata: { accountType: "business", company: "Acme", tax_id: "DE1\u00002" } }, /unsafe_metadata\.tax_id contains a NUL character/],
        ["a NUL in the first name", { firstName: "Ada\u0000" }, /first_name contains a NUL character/],
        ["a bidirectional control in the last name", { lastName: "Love\u2067lace" }, /last_name contains a bidirectional control character/],
      ]
      it.each(badText)("%s → 422 naming the field, nothing written", async (_name, options, message) => {
        const user = clerk.user(options)
        const token = await signIn(user.id)

        const res = await sync(token)

        expect(res.status).toBe(422)
        expect(res.data.code).toBe("invalid_metadata")
        expect(res.data.message).toMatch(message)
        expect(await customers().listCustomers({})).toHaveLength(0)
        expect((await identityOf(token)).app_metadata?.customer_id ?? null).toBeNull()
      })

      it("128 emoji are 128 characters: a company of 128 emoji is stored", async () => {
        const company = "🏭".repeat(128)
        const { synced } = await syncedUser({ unsafeMetadata: { accountType: "business", company } })
        expect(synced.data.customer_meta.company_name).toBe(company)
      })

      it("signed webhooks whose text can never be stored answer 200 ignored (Clerk stops retrying), nothing written", async () => {
        const nulCompany = await deliver(
          "user.created",
          buildClerkUser({ unsafeMetadata: { accountType: "business", company: "Acme\u0000" } })
        )
        expect(nulCompany.status).toBe(200)
        expect(nulCompany.data.ignored).toMatch(/^invalid metadata: .*unsafe_metadata\.company contains a NUL character/)

        const nulName = await deliver("user.created", buildClerkUser({ firstName: "\u0000" }))
        expect(nulName.status).toBe(200)
        expect(nulName.data.ignored).toMatch(/first_name contains a NUL character/)

        const nulId = await deliver("user.created", buildClerkUser({ id: "user_\u0000x" }))
        expect(nulId.status).toBe(200)
        expect(nulId.data.ignored).toMatch(/data\.id/)
        const nulDeleted = await deleted("user_\u0000x")
        expect(nulDeleted.status).toBe(200)
        expect(nulDeleted.data.ignored).toMatch(/data\.id/)

        expect(await customers().listCustomers({})).toHaveLength(0)
        expect(await metaService().listCustomerMetas({}, { withDeleted: true })).toHaveLength(0)
      })

      it("a binding to a customer that no longer exists heals: the next sync binds a new customer", async () => {
        const user = clerk.user({ email: "healed@example.test" })
        const token = await signIn(user.id)
        // The state a failed sync of an earlier version left behind.
        await auth().updateAuthIdentities({
          id: decodeJwt(token).auth_identity_id,
          app_metadata: { customer_id: "cus_rolled_back" },
        })

        const res = await sync(token)

        expect(res.status).toBe(200)
        expect(res.data.created).toBe(true)
        expect((await identityOf(token)).app_metadata?.customer_id).toBe(res.data.customer.id)
        const refreshed = await refresh(token)
        expect(decodeJwt(refreshed).actor_id).toBe(res.data.customer.id)
      })
    })

    describe("rollbacks: a later step fails, every earlier write is back", () => {
      const snapshot = (user: ClerkApiUser) => ClerkUserJson.parse(user)
      const failAfter = <W extends { appendAction: Function }>(workflow: W, stepId: string, before?: () => Promise<unknown>) => {
        workflow.appendAction("throw", stepId, {
          invoke: async function failStep() {
            await before?.()
            throw new Error(`fail after ${stepId}`)
          },
        })
        return workflow
      }

      it.each([
        setAuthIdentityCustomerStepId,
        upsertCustomerMetaStepId,
        applyClerkProfileToCustomerStepId,
        clearCustomerRoleCacheStepId,
      ])("a first sync failing after %s leaves no customer, no role, no binding", async (stepId) => {
        const user = clerk.user({ unsafeMetadata: { accountType: "business", company: "Rollback AG" } })
        const token = await signIn(user.id)
        const authIdentityId = decodeJwt(token).auth_identity_id

        const workflow = failAfter(syncCustomerRoleWorkflow(getContainer()), stepId)
        const { errors } = await workflow.run({
          input: { clerk_user: snapshot(user), auth_identity_id: authIdentityId, account_type_source: "unsafe_metadata" },
          throwOnError: false,
        })

        expect(errors).toEqual([
          expect.objectContaining({ action: "throw", handlerType: "invoke" }),
        ])
        expect(await customers().listCustomers({})).toHaveLength(0)
        expect(await metaService().listCustomerMetas({}, { withDeleted: true })).toHaveLength(0)
        expect((await auth().retrieveAuthIdentity(authIdentityId)).app_metadata?.customer_id ?? null).toBeNull()

        // The next attempt starts as if it were the first.
        const res = await sync(token)
        expect(res.status).toBe(200)
        expect(res.data.created).toBe(true)
      })

      it("a re-sync failing after its last write restores the role, the verification, the group, the email and names, and the cache", async () => {
        const { user, customerId } = await syncedUser({
          email: "before@example.test",
          firstName: "Bea",
          unsafeMetadata: { accountType: "business", company: "Before GmbH" },
        })
        await verify(customerId)
        const metaBefore = await liveMeta(user.id)
        const customerBefore = await customers().retrieveCustomer(customerId)
        const groupsBefore = await groupsOf(customerId)
        expect(groupsBefore).toHaveLength(1)
        expect(await cacheRole(customerId)).toBeUndefined()
        Object.assign(user, withEmail(user, "after@example.test"), {
          first_name: "Beatrix",
          unsafe_metadata: { accountType: "business", company: "After GmbH" },
          updated_at: user.updated_at + 1000,
        })
        let seenInBetween: MedusaError | undefined

        let cachedInBetween = ""
        const workflow = failAfter(syncCustomerRoleWorkflow(getContainer()), clearCustomerRoleCacheStepId, async () => {
          // A guarded request in between sees (and caches) the new, unverified role.
          seenInBetween = await cacheRole(customerId)
          cachedInBetween = await cachedRole(customerId)
        })
        const { errors } = await workflow.run({
          input: { clerk_user: snapshot(user), account_type_source: "unsafe_metadata" },
          throwOnError: false,
        })

        expect(errors[0].action).toBe("throw")
        expect(seenInBetween?.type).toBe(MedusaError.Types.FORBIDDEN)
        expect(cachedInBetween).toContain("After GmbH")
        expect(await liveMeta(user.id)).toEqual(
          expect.objectContaining({ company_name: "Before GmbH", is_verified: true, verified_at: metaBefore.verified_at })
        )
        expect(await groupsOf(customerId)).toEqual(groupsBefore)
        expect(await customers().retrieveCustomer(customerId)).toEqual(
          expect.objectContaining({ email: customerBefore.email, first_name: customerBefore.first_name })
        )
        expect(await cachedRole(customerId)).not.toContain("After GmbH")
        expect(await guard(customerId)).toBeUndefined()
      })

      it("a sync healing a stale binding, failing after the bind, puts the binding back as it was", async () => {
        const user = clerk.user()
        const token = await signIn(user.id)
        const authIdentityId = decodeJwt(token).auth_identity_id
        await auth().updateAuthIdentities({ id: authIdentityId, app_metadata: { customer_id: "cus_gone" } })

        const workflow = failAfter(syncCustomerRoleWorkflow(getContainer()), upsertCustomerMetaStepId)
        await workflow.run({
          input: { clerk_user: snapshot(user), auth_identity_id: authIdentityId, account_type_source: "unsafe_metadata" },
          throwOnError: false,
        })

        expect((await auth().retrieveAuthIdentity(authIdentityId)).app_metadata?.customer_id).toBe("cus_gone")
        expect(await customers().listCustomers({})).toHaveLength(0)
      })

      it.each([endCustomerGroupMembershipsStepId, markClerkUserDeletedStepId])(
        "user.deleted failing after %s restores the role, the groups, the account, the binding and the cache, and leaves no tombstone",
        async (stepId) => {
          const { user, token, customerId } = await syncedUser({
            email: "stays@example.test",
            unsafeMetadata: { accountType: "business", company: "Stays AG" },
          })
          await verify(customerId)
          const groupsBefore = await groupsOf(customerId)
          expect(groupsBefore).toHaveLength(1)
          expect(await cacheRole(customerId)).toBeUndefined()
          let seenInBetween: MedusaError | undefined

          const workflow = failAfter(deleteClerkUserWorkflow(getContainer()), stepId, async () => {
            // A guarded request in between caches "no role".
            seenInBetween = await cacheRole(customerId)
          })
          const { errors } = await workflow.run({ input: { clerk_user_id: user.id }, throwOnError: false })

          expect(errors[0].action).toBe("throw")
          expect(seenInBetween?.type).toBe(MedusaError.Types.FORBIDDEN)
          expect(await liveMeta(user.id)).toEqual(expect.objectContaining({ customer_id: customerId, is_verified: true }))
          expect(await groupsOf(customerId)).toEqual(groupsBefore)
          expect(await customers().retrieveCustomer(customerId)).toEqual(
            expect.objectContaining({ has_account: true, email: "stays@example.test" })
          )
          expect((await identityOf(token)).app_metadata?.customer_id).toBe(customerId)
          expect(await guard(customerId)).toBeUndefined()
          const exchanged = await exchange(user.id)
          expect(exchanged.status).toBe(200)
          expect(decodeJwt(exchanged.data.token).actor_id).toBe(customerId)
        }
      )

      it("user.deleted for a user who never signed in, failing after the tombstone, deletes the identity it created", async () => {
        const workflow = failAfter(deleteClerkUserWorkflow(getContainer()), markClerkUserDeletedStepId)
        await workflow.run({ input: { clerk_user_id: "user_never_signed_in" }, throwOnError: false })

        expect(await auth().listProviderIdentities({ entity_id: "user_never_signed_in" })).toHaveLength(0)
        expect((await exchange("user_never_signed_in")).status).toBe(200)
      })
    })

    describe("errors a host can use: Medusa's own error handler answers 4xx with the plugin's message and code", () => {
      const runInHost = async (input: any) => {
        try {
          await syncCustomerRoleWorkflow(getContainer()).run(input)
        } catch (e) {
          return getHttpResponseFromError(e)
        }
        throw new Error("the workflow did not fail")
      }

      it("a takeover: 400 account_conflict", async () => {
        await registerEmailpassCustomer(api, pk, "Host.Owner@Example.test")
        const user = buildClerkUser({ email: "host.owner@example.test" })

        const { statusCode, body } = await runInHost({
          input: { clerk_user: ClerkUserJson.parse(user), account_type_source: "unsafe_metadata" },
        })

        expect(statusCode).toBe(400)
        expect(body).toEqual({
          type: MedusaError.Types.NOT_ALLOWED,
          code: "account_conflict",
          message: expect.stringMatching(/registered customer with this email already exists/),
        })
      })

      it("invalid metadata: 400 invalid_metadata naming the field", async () => {
        const user = buildClerkUser({ unsafeMetadata: { accountType: "business", company: "Acme\u0000" } })

        const { statusCode, body } = await runInHost({
          input: { clerk_user: ClerkUserJson.parse(user), account_type_source: "unsafe_metadata" },
        })

        expect(statusCode).toBe(400)
        expect(body).toEqual({
          type: MedusaError.Types.INVALID_DATA,
          code: "invalid_metadata",
          message: expect.stringMatching(/unsafe_metadata\.company contains a NUL character/),
        })
      })

      it("a deleted Clerk user: 401 clerk_user_deleted", async () => {
        const user = buildClerkUser()
        await deleted(user.id)

        const { statusCode, body } = await runInHost({
          input: { clerk_user: ClerkUserJson.parse(user), account_type_source: "unsafe_metadata" },
        })

        expect(statusCode).toBe(401)
        expect(body.code).toBe("clerk_user_deleted")
        expect(body.message).toMatch(/Clerk user was deleted/)
      })
    })
  },
})
