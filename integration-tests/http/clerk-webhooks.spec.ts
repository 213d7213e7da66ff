import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { testDbName } from "../helpers/db-name"
import { MedusaError, Modules } from "@medusajs/framework/utils"
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
import { CLERK_MODULE } from "../../src/modules/clerk"
import { verifyBusinessCustomerWorkflow } from "../../src/workflows/customer-meta"

jest.setTimeout(120 * 1000)

const SECRET = createSvixSecret()
const clerk = useOfflineClerk({ CLERK_WEBHOOK_SIGNING_SECRET: SECRET })

type ClerkApiUser = ReturnType<typeof buildClerkUser>

medusaIntegrationTestRunner({
  dbName: testDbName("webhooks"),
  env: clerk.env,
  testSuite: ({ api, getContainer }) => {
    let pk: string
    const http = () => httpClient(api)

    beforeEach(async () => {
      pk = (await createStoreContext(getContainer())).publishableKey
      clerk.clerk.setMode("ok")
      clerk.clerk.resetRequests()
    })

    /** Posts exactly `body` (bytes) with the given headers. */
    const post = (body: string, headers: Record<string, string>) =>
      http()("POST", "/hooks/clerk", {
        body: Buffer.from(body),
        headers: { "content-type": "application/json", ...headers },
      })

    /** A Clerk event, signed like Svix signs it. */
    const deliver = (
      type: string,
      data: unknown,
      options: { id?: string; timestamp?: number; secret?: string } = {}
    ) => {
      const body = JSON.stringify(clerkEvent(type, data))
      return post(body, signSvix(options.secret ?? SECRET, body, options))
    }

    /** A user in Clerk's API/webhook shape; not put into the Clerk stand-in. */
    const clerkUser = (options: Parameters<typeof buildClerkUser>[0] = {}) =>
      buildClerkUser({ updatedAt: Date.now() - 60_000, ...options })
    /** The same user as Clerk sends it after a change `ms` later. */
    const changed = (user: ClerkApiUser, patch: Partial<ClerkApiUser>, ms = 1000) => ({
      ...user,
      ...patch,
      updated_at: user.updated_at + ms,
    })

    const metaService = () => getContainer().resolve("roleSyncCustomerMeta")
    const liveMeta = async (clerkUserId: string) =>
      (await metaService().listCustomerMetas({ clerk_user_id: clerkUserId }))[0] ?? null
    const counts = async () => ({
      customers: (await getContainer().resolve(Modules.CUSTOMER).listCustomers({})).length,
      metas: (await metaService().listCustomerMetas({}, { withDeleted: true })).length,
    })
    const groupMembers = async () => {
      const service = getContainer().resolve(Modules.CUSTOMER)
      const [group] = await service.listCustomerGroups({ name: "Verified businesses" })
      if (!group) return []
      const links = await service.listCustomerGroupCustomers({ customer_group_id: group.id })
      return links.map((l) => l.customer_id)
    }
    const verify = (customerId: string) =>
      verifyBusinessCustomerWorkflow(getContainer()).run({
        input: { customer_id: customerId, verified: true, actor_id: "user_admin_test" },
      })
    const runGuard = (customerId: string) =>
      new Promise<MedusaError | undefined>((resolve) =>
        requireVerifiedBusiness()(
          { scope: getContainer(), auth_context: { actor_id: customerId } } as any,
          {} as any,
          (e?: unknown) => resolve(e as MedusaError | undefined)
        )
      )

    const signIn = async (userId: string) => {
      const res = await http()("POST", "/auth/customer/clerk", {
        body: { token: clerk.token(userId) },
      })
      expect(res.status).toBe(200)
      return res.data.token as string
    }
    const sync = (token: string) => http()("POST", "/store/customers/sync-role", { token, pk })
    const refresh = async (token: string) => {
      const res = await http()("POST", "/auth/token/refresh", { token })
      expect(res.status).toBe(200)
      return res.data.token as string
    }

    describe("user.created / user.updated", () => {
      it("an unverified email is not claimed: user.created is ignored (200), the user.updated that verifies it creates the customer", async () => {
        const user = clerkUser({ email: "pending@example.test", emailVerified: false })

        const created = await deliver("user.created", user)

        expect(created.status).toBe(200)
        expect(created.data.ignored).toBe("email not verified yet")
        expect(await counts()).toEqual({ customers: 0, metas: 0 })

        const verified = changed(user, {
          email_addresses: [{ ...user.email_addresses[0], verification: { ...user.email_addresses[0].verification, status: "verified" } }],
        } as any)
        const updated = await deliver("user.updated", verified)
        expect(updated.status).toBe(200)
        expect(updated.data.customer_id).toMatch(/^cus_/)
        expect(await counts()).toEqual({ customers: 1, metas: 1 })
      })

      it("user.created creates the customer and its role from the signed payload alone, without calling Clerk", async () => {
        const events = collectEvents(getContainer(), ["customer_meta.synced"])
        const user = clerkUser({
          email: "Buyer@Acme.test",
          firstName: "Grace",
          lastName: "Hopper",
          unsafeMetadata: { accountType: "business", company: " Acme GmbH ", tax_id: "de 136 695 976" },
        })

        const res = await deliver("user.created", user)

        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          received: true,
          type: "user.created",
          customer_id: expect.stringMatching(/^cus_/),
          changed: true,
        })
        const customer = await getContainer()
          .resolve(Modules.CUSTOMER)
          .retrieveCustomer(res.data.customer_id)
        expect(customer).toEqual(
          expect.objectContaining({
            email: "buyer@acme.test",
            first_name: "Grace",
            last_name: "Hopper",
            has_account: true,
          })
        )
        const meta = await liveMeta(user.id)
        expect(meta).toEqual(
          expect.objectContaining({
            customer_id: customer.id,
            account_type: "business",
            company_name: "Acme GmbH",
            tax_id: "DE136695976",
            is_verified: false,
          })
        )
        expect(new Date(meta.clerk_updated_at).getTime()).toBe(user.updated_at)
        // No identity yet: it is bound at the customer's first sign-in + sync.
        expect(await getContainer().resolve(Modules.AUTH).listAuthIdentities({})).toHaveLength(0)
        expect(clerk.clerk.count()).toBe(0)
        await settle()
        expect(events.seen).toEqual([
          { name: "customer_meta.synced", data: { id: meta.id, customer_id: customer.id } },
        ])
        events.stop()
      })

      it("a webhook-created customer who then signs in and syncs gets the same customer (created: true for the token refresh): one customer, one role", async () => {
        const user = clerkUser({ unsafeMetadata: { accountType: "business", company: "Initech" } })
        const hook = await deliver("user.created", user)
        expect(hook.status).toBe(200)
        const metaBefore = await liveMeta(user.id)

        clerk.clerk.putUser(user)
        const token = await signIn(user.id)
        const synced = await sync(token)

        expect(synced.status).toBe(200)
        expect(synced.data.created).toBe(true)
        expect(synced.data.customer.id).toBe(hook.data.customer_id)
        expect(synced.data.customer_meta.id).toBe(metaBefore.id)
        expect(synced.data.customer_meta.updated_at).toBe(
          new Date(metaBefore.updated_at).toISOString()
        )
        expect(await counts()).toEqual({ customers: 1, metas: 1 })
        const refreshed = await refresh(token)
        expect(decodeJwt(refreshed).actor_id).toBe(hook.data.customer_id)
        const me = await http()("GET", "/store/customers/me", { token: refreshed, pk })
        expect(me.data.customer.id).toBe(hook.data.customer_id)

        // The next sync of the same data is a no-op.
        const again = await sync(refreshed)
        expect(again.data.created).toBe(false)
      })

      it("user.updated follows a role change; a change after verification resets it (rule 3), leaves the group and emits customer_meta.unverified", async () => {
        const v1 = clerkUser({ unsafeMetadata: {} })
        const created = await deliver("user.created", v1)
        const customerId = created.data.customer_id as string
        expect((await liveMeta(v1.id)).account_type).toBe("individual")

        const v2 = changed(v1, { unsafe_metadata: { accountType: "business", company: "Acme" } })
        const upgraded = await deliver("user.updated", v2)
        expect(upgraded.status).toBe(200)
        expect(upgraded.data).toEqual({
          received: true,
          type: "user.updated",
          customer_id: customerId,
          changed: true,
        })
        expect(await liveMeta(v1.id)).toEqual(
          expect.objectContaining({ account_type: "business", company_name: "Acme", is_verified: false })
        )

        await verify(customerId)
        expect(await groupMembers()).toEqual([customerId])
        expect(await runGuard(customerId)).toBeUndefined()
        const events = collectEvents(getContainer(), ["customer_meta.unverified", "customer_meta.synced"])

        const v3 = changed(v2, { unsafe_metadata: { accountType: "business", company: "Acme Holding" } })
        const renamed = await deliver("user.updated", v3)

        expect(renamed.status).toBe(200)
        expect(await liveMeta(v1.id)).toEqual(
          expect.objectContaining({
            company_name: "Acme Holding",
            is_verified: false,
            verified_at: null,
            verified_by: null,
          })
        )
        expect(await groupMembers()).toEqual([])
        expect((await runGuard(customerId))?.type).toBe(MedusaError.Types.FORBIDDEN)
        await settle()
        expect(events.names().sort()).toEqual(["customer_meta.synced", "customer_meta.unverified"])
        expect(await counts()).toEqual({ customers: 1, metas: 1 })
        expect(clerk.clerk.count()).toBe(0)
        events.stop()
      })

      it("invalid metadata is answered 2xx with ignored (Clerk must not retry forever) and writes nothing", async () => {
        const user = clerkUser({ unsafeMetadata: { accountType: "admin" } })

        const res = await deliver("user.created", user)

        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          received: true,
          type: "user.created",
          ignored: expect.stringMatching(/^invalid metadata: .*unsafe_metadata\.accountType/),
        })
        expect(await counts()).toEqual({ customers: 0, metas: 0 })

        // An existing role is left as it was.
        const good = clerkUser({ unsafeMetadata: { accountType: "business", company: "Acme" } })
        await deliver("user.created", good)
        const before = await liveMeta(good.id)
        const bad = await deliver(
          "user.updated",
          changed(good, { unsafe_metadata: { accountType: "business", company: "Acme", tax_id: "DE#1" } })
        )
        expect(bad.status).toBe(200)
        expect(bad.data.ignored).toMatch(/unsafe_metadata\.tax_id/)
        expect(await liveMeta(good.id)).toEqual(before)
      })

      it("an email that belongs to another registered customer is answered 2xx with ignored: a webhook never takes over an account", async () => {
        const victim = await registerEmailpassCustomer(api, pk, "victim@example.test")
        const before = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(victim.customerId)
        const user = clerkUser({ email: "victim@example.test", emailVerified: true })

        const res = await deliver("user.created", user)

        expect(res.status).toBe(200)
        expect(res.data.ignored).toMatch(/^account conflict: /)
        expect(await counts()).toEqual({ customers: 1, metas: 0 })
        const after = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(victim.customerId)
        expect(after.updated_at).toEqual(before.updated_at)
      })

      it("a user without an email address (phone sign-in) gets a customer without email", async () => {
        const user = clerkUser({ email: null as unknown as string })
        expect(user.email_addresses).toEqual([])

        const res = await deliver("user.created", user)

        expect(res.status).toBe(200)
        const customer = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(res.data.customer_id)
        expect(customer.email ?? null).toBeNull()
        expect((await liveMeta(user.id)).account_type).toBe("individual")
      })

      it("a failure of the store itself answers 503 with Retry-After so Clerk retries, and changes nothing", async () => {
        const service = metaService()
        const spy = jest
          .spyOn(service, "listCustomerMetas")
          .mockRejectedValueOnce(new Error("connection terminated"))
        try {
          const user = clerkUser()
          const res = await deliver("user.created", user)

          expect(res.status).toBe(503)
          expect(res.headers["retry-after"]).toBeDefined()
          expect(res.data.message).toMatch(/nothing was changed/)
        } finally {
          spy.mockRestore()
        }
        expect(await counts()).toEqual({ customers: 0, metas: 0 })
      })

      it("an unhandled event type is acknowledged and ignored", async () => {
        const res = await deliver("session.created", { object: "session", id: "sess_1", user_id: "user_1" })
        expect(res.status).toBe(200)
        expect(res.data).toEqual({ received: true, type: "session.created", ignored: "unhandled event type" })
        expect(await counts()).toEqual({ customers: 0, metas: 0 })
      })
    })

    describe("replays and out-of-order deliveries", () => {
      it("a replayed delivery (same svix-id, same bytes) is acknowledged and changes nothing", async () => {
        const events = collectEvents(getContainer(), ["customer_meta.synced"])
        const user = clerkUser({ unsafeMetadata: { accountType: "business", company: "Acme" } })
        const body = JSON.stringify(clerkEvent("user.created", user))
        const headers = signSvix(SECRET, body, { id: "msg_replayed" })

        const first = await post(body, headers)
        const metaAfterFirst = await liveMeta(user.id)
        const second = await post(body, headers)

        expect(first.status).toBe(200)
        expect(second.status).toBe(200)
        expect(second.data).toEqual({
          received: true,
          type: "user.created",
          customer_id: first.data.customer_id,
          changed: false,
        })
        expect(await liveMeta(user.id)).toEqual(metaAfterFirst)
        expect(await counts()).toEqual({ customers: 1, metas: 1 })
        await settle()
        expect(events.names()).toEqual(["customer_meta.synced"])
        events.stop()
      })

      it("newer data applied first, then an older delivery: the older one is ignored as stale", async () => {
        const older = clerkUser({ unsafeMetadata: {} })
        const newer = changed(older, { unsafe_metadata: { accountType: "business", company: "Acme" } })

        const first = await deliver("user.updated", newer)
        expect(first.status).toBe(200)
        const applied = await liveMeta(older.id)

        const late = await deliver("user.created", older)

        expect(late.status).toBe(200)
        expect(late.data).toEqual({
          received: true,
          type: "user.created",
          customer_id: first.data.customer_id,
          changed: false,
          ignored: "stale: newer data of this Clerk user was already applied",
        })
        const meta = await liveMeta(older.id)
        expect(meta).toEqual(applied)
        expect(meta.account_type).toBe("business")
        expect(new Date(meta.clerk_updated_at).getTime()).toBe(newer.updated_at)
        expect(await counts()).toEqual({ customers: 1, metas: 1 })
      })

      it("a newer delivery that keeps the role still moves the watermark, so an older role change arriving late is ignored", async () => {
        const v1 = clerkUser({ unsafeMetadata: {} })
        const v2 = changed(v1, { unsafe_metadata: { accountType: "business", company: "Acme" } })
        // v3 only renames the user: same role as v1.
        const v3 = changed(v2, { unsafe_metadata: {}, first_name: "Renamed" })

        await deliver("user.created", v1)
        const before = await liveMeta(v1.id)
        const same = await deliver("user.updated", v3)
        expect(same.status).toBe(200)
        // The name follows Clerk (§8 rule 2); the role is unchanged.
        expect(same.data.changed).toBe(true)
        expect((await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(same.data.customer_id)).first_name).toBe("Renamed")
        const watermarked = await liveMeta(v1.id)
        expect(watermarked.updated_at).toEqual(before.updated_at)
        expect(new Date(watermarked.clerk_updated_at).getTime()).toBe(v3.updated_at)
        expect(watermarked.account_type).toBe(before.account_type)

        const late = await deliver("user.updated", v2)

        expect(late.status).toBe(200)
        expect(late.data.ignored).toMatch(/^stale/)
        const meta = await liveMeta(v1.id)
        expect(meta.account_type).toBe("individual")
        expect(meta.company_name).toBeNull()
      })
    })

    describe("user.deleted", () => {
      it("soft-deletes the role, unbinds the identity, makes the customer a guest keeping its records; replays and late updates change nothing; a new Clerk user with the same email gets the guest back", async () => {
        const user = clerkUser({
          email: "leaving@example.test",
          unsafeMetadata: { accountType: "business", company: "Leaving Ltd" },
        })
        clerk.clerk.putUser(user)
        const token = await signIn(user.id)
        const synced = await sync(token)
        expect(synced.status).toBe(200)
        const customerId = synced.data.customer.id as string
        const authIdentityId = decodeJwt(token).auth_identity_id as string
        const oldToken = await refresh(token)
        await verify(customerId)
        expect(await groupMembers()).toEqual([customerId])
        const customerService = getContainer().resolve(Modules.CUSTOMER)
        await customerService.createCustomerAddresses({
          customer_id: customerId,
          address_1: "Hauptstraße 1",
          city: "Berlin",
          country_code: "de",
        })
        const events = collectEvents(getContainer(), ["customer_meta.unverified", "customer_meta.synced"])
        clerk.clerk.users.delete(user.id)
        clerk.clerk.resetRequests()

        const res = await deliver("user.deleted", { object: "user", id: user.id, deleted: true })

        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          received: true,
          type: "user.deleted",
          customer_id: customerId,
          deleted: true,
        })
        // The role is gone (soft-deleted: kept for audit, invisible to lookups).
        expect(await liveMeta(user.id)).toBeNull()
        const [deletedMeta] = await metaService().listCustomerMetas(
          { clerk_user_id: user.id },
          { withDeleted: true }
        )
        expect(deletedMeta.deleted_at).not.toBeNull()
        expect(await groupMembers()).toEqual([])
        expect((await runGuard(customerId))?.type).toBe(MedusaError.Types.FORBIDDEN)
        // The identity no longer acts as the customer.
        const identity = await getContainer().resolve(Modules.AUTH).retrieveAuthIdentity(authIdentityId)
        expect(identity.app_metadata?.customer_id ?? null).toBeNull()
        // The customer and its records stay.
        const customer = await customerService.retrieveCustomer(customerId, { relations: ["addresses"] })
        expect(customer.deleted_at ?? null).toBeNull()
        expect(customer.has_account).toBe(false)
        expect(customer.addresses).toHaveLength(1)
        await settle()
        expect(events.seen).toEqual([
          { name: "customer_meta.unverified", data: { id: deletedMeta.id, customer_id: customerId } },
        ])

        // The old Medusa token: Medusa's JWTs are stateless, so it stays valid
        // until it expires (jwtExpiresIn), but it has no role any more and a
        // refresh no longer yields the customer.
        const ownRole = await http()("GET", `/store/customers/sync-role/${customerId}`, { token: oldToken, pk })
        expect(ownRole.status).toBe(404)
        const refreshed = await refresh(oldToken)
        expect(decodeJwt(refreshed).actor_id).toBe("")
        expect((await http()("GET", "/store/customers/me", { token: refreshed, pk })).status).toBe(401)
        // A sign-in with the same Clerk user id (a token minted before the deletion) is refused.
        const again = await http()("POST", "/auth/customer/clerk", { body: { token: clerk.token(user.id) } })
        expect(again.status).toBe(401)
        expect(again.data.message).toMatch(/Clerk user was deleted/)

        // Replaying the deletion is a no-op.
        const replay = await deliver("user.deleted", { object: "user", id: user.id, deleted: true })
        expect(replay.status).toBe(200)
        expect(replay.data).toEqual({
          received: true,
          type: "user.deleted",
          deleted: false,
          ignored: "no customer is linked to this Clerk user",
        })
        // A late update (sent before the deletion, retried after it) does not bring the user back.
        const lateUpdate = await deliver("user.updated", changed(user, { first_name: "Late" }))
        expect(lateUpdate.status).toBe(200)
        expect(lateUpdate.data.ignored).toMatch(/was deleted/)
        expect(await liveMeta(user.id)).toBeNull()

        // The same address signs up again (a new Clerk user, the email
        // verified): the guest, with its records, becomes that account.
        const newcomer = clerk.user({ email: "leaving@example.test", emailVerified: true })
        const newcomerSync = await sync(await signIn(newcomer.id))
        expect(newcomerSync.status).toBe(200)
        expect(newcomerSync.data.customer.id).toBe(customerId)
        expect(newcomerSync.data.customer_meta).toEqual(
          expect.objectContaining({ account_type: "individual", is_verified: false })
        )
        expect(await counts()).toEqual({ customers: 1, metas: 2 })
        expect(await runGuard(customerId)).toBeDefined()
        events.stop()
      })

      it("a webhook-only individual (never signed in) is deleted without a binding to undo and without customer_meta.unverified", async () => {
        const user = clerkUser()
        const created = await deliver("user.created", user)
        const events = collectEvents(getContainer(), ["customer_meta.unverified"])

        const res = await deliver("user.deleted", { object: "user", id: user.id, deleted: true })

        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          received: true,
          type: "user.deleted",
          customer_id: created.data.customer_id,
          deleted: true,
        })
        expect(await liveMeta(user.id)).toBeNull()
        expect(await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(created.data.customer_id)).toBeTruthy()
        await settle()
        expect(events.seen).toEqual([])
        events.stop()
      })

      it("an unknown user is a no-op", async () => {
        const res = await deliver("user.deleted", { object: "user", id: "user_unknown", deleted: true })
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          received: true,
          type: "user.deleted",
          deleted: false,
          ignored: "no customer is linked to this Clerk user",
        })
        expect(await counts()).toEqual({ customers: 0, metas: 0 })
      })
    })

    describe("signature → 401, nothing written", () => {
      const body = () =>
        JSON.stringify(
          clerkEvent("user.created", clerkUser({ unsafeMetadata: { accountType: "business", company: "Forged" } }))
        )
      const now = () => Math.floor(Date.now() / 1000)
      const cases: [string, () => { body: string; headers: Record<string, string> }, RegExp][] = [
        [
          "a tampered body",
          () => {
            const signed = body()
            return { body: signed.replace("Forged", "Tampered"), headers: signSvix(SECRET, signed) }
          },
          /No matching signature/,
        ],
        [
          "another endpoint's secret",
          () => {
            const b = body()
            return { body: b, headers: signSvix(createSvixSecret(), b) }
          },
          /No matching signature/,
        ],
        [
          "a timestamp 6 minutes old",
          () => {
            const b = body()
            return { body: b, headers: signSvix(SECRET, b, { timestamp: now() - 360 }) }
          },
          /too old/,
        ],
        [
          "a timestamp 6 minutes in the future",
          () => {
            const b = body()
            return { body: b, headers: signSvix(SECRET, b, { timestamp: now() + 360 }) }
          },
          /too new/,
        ],
        [
          "a signature made for another svix-id",
          () => {
            const b = body()
            return { body: b, headers: { ...signSvix(SECRET, b, { id: "msg_a" }), "svix-id": "msg_b" } }
          },
          /No matching signature/,
        ],
        [
          "a garbage signature",
          () => {
            const b = body()
            return { body: b, headers: { ...signSvix(SECRET, b), "svix-signature": "v1,AAAA" } }
          },
          /No matching signature/,
        ],
        ["no Svix headers", () => ({ body: body(), headers: {} }), /svix-id, svix-timestamp, svix-signature/],
        ...(["svix-id", "svix-timestamp", "svix-signature"] as const).map(
          (name): [string, () => { body: string; headers: Record<string, string> }, RegExp] => [
            `no ${name} header`,
            () => {
              const b = body()
              const headers: Record<string, string> = { ...signSvix(SECRET, b) }
              delete headers[name]
              return { body: b, headers }
            },
            new RegExp(`Missing required webhook headers: ${name}$`),
          ]
        ),
      ]

      it.each(cases)("%s", async (_name, make, message) => {
        const { body, headers } = make()

        const res = await post(body, headers)

        expect(res.status).toBe(401)
        expect(res.data.message).toMatch(message)
        expect(await counts()).toEqual({ customers: 0, metas: 0 })
        expect(clerk.clerk.count()).toBe(0)
      })

      it("answers 503 and processes nothing when no signing secret is configured", async () => {
        const service = getContainer().resolve(CLERK_MODULE)
        const spy = jest
          .spyOn(service, "getOptions")
          .mockReturnValue({ ...service.getOptions(), webhookSigningSecret: undefined })
        try {
          const user = clerkUser()
          const body = JSON.stringify(clerkEvent("user.created", user))

          const signed = await post(body, signSvix(SECRET, body))
          const unsigned = await post(body, {})

          for (const res of [signed, unsigned]) {
            expect(res.status).toBe(503)
            expect(res.data.message).toMatch(/webhookSigningSecret is not configured/)
          }
          expect(await counts()).toEqual({ customers: 0, metas: 0 })
        } finally {
          spy.mockRestore()
        }
      })
    })

    describe("signed but malformed → 200 ignored (a retry can't fix it), nothing written", () => {
      const user = () => clerkUser()
      const { updated_at: _u, ...withoutUpdatedAt } = buildClerkUser()
      const cases: [string, () => string, RegExp][] = [
        ["a JSON array", () => "[]", /unhandled event type/],
        ["an event without type", () => JSON.stringify({ data: user() }), /unhandled event type/],
        ["user.created without data", () => JSON.stringify({ type: "user.created" }), /data/],
        [
          "user.created without data.id",
          () => JSON.stringify(clerkEvent("user.created", { ...user(), id: undefined })),
          /data\.id/,
        ],
        [
          "user.updated without data.updated_at",
          () => JSON.stringify(clerkEvent("user.updated", withoutUpdatedAt)),
          /data\.updated_at/,
        ],
        [
          "user.updated with a string as unsafe_metadata",
          () => JSON.stringify(clerkEvent("user.updated", { ...user(), unsafe_metadata: "business" })),
          /data\.unsafe_metadata/,
        ],
        [
          "user.updated with email_addresses not an array",
          () => JSON.stringify(clerkEvent("user.updated", { ...user(), email_addresses: "a@b.test" })),
          /data\.email_addresses/,
        ],
        ["user.deleted with null data", () => JSON.stringify(clerkEvent("user.deleted", null)), /data/],
        [
          "user.deleted with a numeric id",
          () => JSON.stringify(clerkEvent("user.deleted", { object: "user", id: 42, deleted: true })),
          /data\.id/,
        ],
      ]

      it.each(cases)("%s", async (_name, make, message) => {
        const body = make()

        const res = await post(body, signSvix(SECRET, body))

        expect(res.status).toBe(200)
        expect(res.data.received).toBe(true)
        expect(typeof res.data.ignored).toBe("string")
        expect(res.data.ignored).toMatch(message)
        expect(await counts()).toEqual({ customers: 0, metas: 0 })
      })

      it("signed bytes that are not JSON: Medusa's JSON parser answers 400", async () => {
        const body = '{"type":"user.created","data":{'
        const res = await post(body, signSvix(SECRET, body))
        expect(res.status).toBe(400)
        expect(await counts()).toEqual({ customers: 0, metas: 0 })
      })

      it("the signature authenticates, not the content type: a signed text/plain delivery is applied, the same bytes unsigned are 401", async () => {
        const body = JSON.stringify(clerkEvent("user.created", user()))
        const unsigned = await http()("POST", "/hooks/clerk", {
          body: Buffer.from(body),
          headers: { "content-type": "text/plain" },
        })
        expect(unsigned.status).toBe(401)
        expect(await counts()).toEqual({ customers: 0, metas: 0 })

        const signed = await http()("POST", "/hooks/clerk", {
          body: Buffer.from(body),
          headers: { "content-type": "text/plain", ...signSvix(SECRET, body) },
        })
        expect(signed.status).toBe(200)
        expect(await counts()).toEqual({ customers: 1, metas: 1 })
      })
    })
  },
})
