import { waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { clerk, resetClerk, signInAs, signOut, updateMetadata } from "./helpers/clerkMock";
import {
  BACKEND_URL,
  PUBLISHABLE_KEY,
  customer,
  customerMeta,
  deferredReply,
  fakeBackend,
  signInRoutes,
} from "./helpers/fakeBackend";
import { renderProbe } from "./helpers/render";
import { syncErrorText } from "@/lib/role-sync";

vi.mock("@clerk/nextjs", () => import("./helpers/clerkMock"));

beforeEach(() => resetClerk());

const SEQUENCE = ["POST /auth/customer/clerk", "POST /store/customers/sync-role"];

describe("RoleSyncProvider", () => {
  it("exchanges the Clerk token, syncs, and refreshes the token when the customer was created", async () => {
    const backend = fakeBackend({
      ...signInRoutes(customerMeta("business"), true),
      "GET /store/customers/me": { status: 200, body: { customer } },
    });
    signInAs({ accountType: "business", company: "Acme GmbH" });
    const { ctx } = renderProbe();

    await waitFor(() => expect(ctx().loading).toBe(false));
    expect(backend.routesCalled()).toEqual([...SEQUENCE, "POST /auth/token/refresh"]);

    const [exchange, sync, refresh] = backend.calls;
    expect(clerk.getToken).toHaveBeenCalled();
    expect(exchange.url).toBe(`${BACKEND_URL}/auth/customer/clerk`);
    expect(exchange.body).toEqual({ token: "clerk_session_jwt" });
    expect(exchange.headers["x-publishable-api-key"]).toBe(PUBLISHABLE_KEY);
    expect(exchange.headers.authorization).toBeUndefined();

    expect(sync.url).toBe(`${BACKEND_URL}/store/customers/sync-role`);
    expect(sync.headers.authorization).toBe("Bearer medusa_identity_token");
    expect(sync.headers["x-publishable-api-key"]).toBe(PUBLISHABLE_KEY);

    expect(refresh.url).toBe(`${BACKEND_URL}/auth/token/refresh`);
    expect(refresh.headers.authorization).toBe("Bearer medusa_identity_token");

    expect(ctx()).toMatchObject({
      token: "medusa_customer_token",
      customerMeta: customerMeta("business"),
      customer,
      error: null,
      syncing: false,
    });

    // Pages call the store API through the exposed SDK with the refreshed token.
    await ctx().sdk.client.fetch("/store/customers/me");
    const me = backend.calls.at(-1)!;
    expect(me.headers.authorization).toBe("Bearer medusa_customer_token");
    expect(me.headers["x-publishable-api-key"]).toBe(PUBLISHABLE_KEY);
  });

  it("keeps the exchanged token and does not refresh when the customer already existed", async () => {
    const backend = fakeBackend({
      ...signInRoutes(customerMeta("individual"), false),
      "GET /store/customers/me": { status: 200, body: { customer } },
    });
    signInAs({ accountType: "individual" });
    const { ctx } = renderProbe();

    await waitFor(() => expect(ctx().loading).toBe(false));
    expect(backend.routesCalled()).toEqual(SEQUENCE);
    expect(ctx().token).toBe("medusa_identity_token");
    expect(ctx().customerMeta?.account_type).toBe("individual");

    await ctx().sdk.client.fetch("/store/customers/me");
    expect(backend.calls.at(-1)!.headers.authorization).toBe("Bearer medusa_identity_token");
  });

  it("re-syncs when the Clerk user's unsafeMetadata changes, and only then", async () => {
    let meta = customerMeta("individual");
    const backend = fakeBackend({
      ...signInRoutes(meta),
      "POST /store/customers/sync-role": () => ({ status: 200, body: { customer_meta: meta, customer, created: false } }),
    });
    signInAs({ accountType: "individual" });
    const { ctx, rerender } = renderProbe();
    await waitFor(() => expect(ctx().customerMeta?.account_type).toBe("individual"));
    expect(backend.calls).toHaveLength(2);

    // Same user, equal metadata in a new object: nothing to do.
    clerk.user = { ...clerk.user!, unsafeMetadata: { accountType: "individual" } };
    rerender();
    await new Promise((r) => setTimeout(r, 20));
    expect(backend.calls).toHaveLength(2);

    meta = customerMeta("business");
    updateMetadata({ accountType: "business", company: "Acme GmbH", tax_id: "DE123456789" });
    rerender();
    await waitFor(() => expect(ctx().customerMeta?.account_type).toBe("business"));
    expect(backend.routesCalled()).toEqual([...SEQUENCE, ...SEQUENCE]);
    expect(ctx().syncing).toBe(false);
    // The second exchange proves identity with the Clerk token alone, not with the stored Medusa token.
    expect(backend.calls[2].headers.authorization).toBeUndefined();
    expect(backend.calls[2].body).toEqual({ token: "clerk_session_jwt" });
  });

  it("reports an exchange rejected with 401 and does not call sync", async () => {
    const backend = fakeBackend({
      ...signInRoutes(customerMeta("individual")),
      "POST /auth/customer/clerk": { status: 401, body: { type: "unauthorized", message: "Clerk token expired" } },
    });
    signInAs({ accountType: "individual" });
    const { ctx } = renderProbe();

    await waitFor(() => expect(ctx().error).not.toBeNull());
    expect(ctx().error).toEqual({ step: "exchange", status: 401, message: "Clerk token expired" });
    expect(backend.routesCalled()).toEqual(["POST /auth/customer/clerk"]);
    expect(ctx()).toMatchObject({ loading: false, token: null, customerMeta: null, customer: null });
  });

  it.each([
    [422, "invalid_data", "Unknown account type: reseller"],
    [503, "unexpected_state", "Clerk API unreachable, try again"],
  ])("reports a sync answered with %i and does not refresh", async (status, type, message) => {
    const backend = fakeBackend({
      ...signInRoutes(customerMeta("individual"), true),
      "POST /store/customers/sync-role": { status, body: { type, message } },
    });
    signInAs({ accountType: "reseller" });
    const { ctx } = renderProbe();

    await waitFor(() => expect(ctx().error).not.toBeNull());
    expect(ctx().error).toEqual({ step: "sync", status, message });
    expect(backend.routesCalled()).toEqual(SEQUENCE);
    expect(ctx()).toMatchObject({ loading: false, token: null, customerMeta: null });
  });

  it("reports a missing Clerk session token without calling the backend", async () => {
    const backend = fakeBackend(signInRoutes(customerMeta("individual")));
    signInAs({});
    clerk.getToken.mockResolvedValue(null);
    const { ctx } = renderProbe();

    await waitFor(() => expect(ctx().error).not.toBeNull());
    expect(ctx().error?.step).toBe("clerk");
    expect(backend.calls).toHaveLength(0);
  });

  it("clears the role and the Medusa token on sign-out", async () => {
    const routes: Parameters<typeof fakeBackend>[0] = {
      ...signInRoutes(customerMeta("business", { verified: true })),
      "GET /store/customers/me": { status: 401, body: { type: "unauthorized", message: "Unauthorized" } },
    };
    const backend = fakeBackend(routes);
    signInAs({ accountType: "business", company: "Acme GmbH" });
    const { ctx, rerender } = renderProbe();
    await waitFor(() => expect(ctx().token).toBe("medusa_identity_token"));

    signOut();
    rerender();
    await waitFor(() => expect(ctx().token).toBeNull());
    expect(ctx()).toMatchObject({ customerMeta: null, customer: null, error: null, loading: false });

    await expect(ctx().sdk.client.fetch("/store/customers/me")).rejects.toMatchObject({ status: 401 });
    expect(backend.calls.at(-1)!.headers.authorization).toBeUndefined();

    // Signing in again starts from nothing: no role from the previous session while the new sync runs.
    const sync = deferredReply();
    routes["POST /store/customers/sync-role"] = sync.route;
    signInAs({ accountType: "business", company: "Acme GmbH" });
    rerender();
    await waitFor(() => expect(backend.routesCalled().at(-1)).toBe("POST /store/customers/sync-role"));
    expect(ctx()).toMatchObject({ loading: true, customerMeta: null, token: null });
    sync.resolve({ status: 200, body: { customer_meta: customerMeta("individual"), customer, created: false } });
    await waitFor(() => expect(ctx().customerMeta?.account_type).toBe("individual"));
  });

  it("is loading while Clerk loads and stays idle when signed out", async () => {
    const backend = fakeBackend({});
    clerk.isLoaded = false;
    const { ctx, rerender } = renderProbe();
    expect(ctx().loading).toBe(true);

    clerk.isLoaded = true;
    rerender();
    expect(ctx()).toMatchObject({ loading: false, customerMeta: null, token: null });
    expect(backend.calls).toHaveLength(0);
  });
});

describe("RoleSyncProvider errors", () => {
  it.each([
    [409, "account_conflict", /already exists in the shop/],
    [422, "email_not_verified", /Verify your email address first/],
    [503, "clerk_unavailable", /not reachable right now/],
    [401, "clerk_user_deleted", /This account was deleted/],
  ])("keeps the plugin's code of a %i (%s) and turns it into a text to act on", async (status, code, text) => {
    fakeBackend({
      ...signInRoutes(customerMeta("individual")),
      "POST /store/customers/sync-role": { status, body: { type: "invalid_data", code, message: `server says ${code}` } },
    });
    signInAs({ accountType: "individual" });
    const { ctx } = renderProbe();

    await waitFor(() => expect(ctx().error).not.toBeNull());
    expect(ctx().error).toEqual({ step: "sync", status, code, message: `server says ${code}` });
    expect(syncErrorText(ctx().error!)).toMatch(text);
  });

  it("includes the server's message for invalid metadata", async () => {
    const error = { step: "sync" as const, status: 422, code: "invalid_metadata", message: "tax_id: the check digit is wrong." };
    expect(syncErrorText(error)).toBe(
      "Your account details can't be used: tax_id: the check digit is wrong. Fix them in your profile and sync again."
    );
  });
});
