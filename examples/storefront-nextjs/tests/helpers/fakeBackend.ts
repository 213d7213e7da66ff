import { vi } from "vitest";

export const BACKEND_URL = "http://medusa.test";
export const PUBLISHABLE_KEY = "pk_medusa_test";

export type RecordedCall = {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
};
export type Reply = { status: number; body?: unknown };
type Route = Reply | ((call: RecordedCall) => Reply | Promise<Reply>);

/**
 * Replaces globalThis.fetch with a fake Medusa backend: routes are keyed "METHOD /path",
 * every request is recorded (headers lower-cased, JSON body parsed), unknown routes answer 404.
 */
export function fakeBackend(routes: Record<string, Route>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === "object" && "url" in input ? input.url : String(input));
    const method = (init?.method ?? "GET").toUpperCase();
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : init?.body;
    const call: RecordedCall = { method, url: url.toString(), path: url.pathname, headers, body };
    calls.push(call);

    const route = routes[`${method} ${url.pathname}`];
    const reply = !route
      ? { status: 404, body: { type: "not_found", message: `No fake route for ${method} ${url.pathname}` } }
      : typeof route === "function"
        ? await route(call)
        : route;
    return new Response(JSON.stringify(reply.body ?? {}), {
      status: reply.status,
      headers: { "content-type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchMock);

  return {
    calls,
    /** "METHOD /path" of every request so far, in order */
    routesCalled: () => calls.map((c) => `${c.method} ${c.path}`),
  };
}

/** A reply that waits until `resolve` is called, to observe loading states. */
export function deferredReply() {
  let resolve!: (reply: Reply) => void;
  const promise = new Promise<Reply>((r) => (resolve = r));
  return { route: () => promise, resolve };
}

export function customerMeta(
  accountType: "individual" | "business",
  { verified = false, company = "Acme GmbH", taxId = "DE123456789" } = {}
) {
  const business = accountType === "business";
  return {
    id: "cmeta_1",
    customer_id: "cus_1",
    clerk_user_id: "user_1",
    account_type: accountType,
    company_name: business ? company : null,
    tax_id: business ? taxId : null,
    is_verified: business && verified,
    verified_at: business && verified ? "2026-01-02T03:04:05.000Z" : null,
  };
}

export const customer = { id: "cus_1", email: "ada@example.test", first_name: "Ada", last_name: "L" };

/** The happy path: exchange → sync (with the given meta) → refresh. */
export function signInRoutes(
  meta: ReturnType<typeof customerMeta>,
  created = false,
  companies?: { company: unknown; companies: unknown[] }
): Record<string, Route> {
  return {
    "POST /auth/customer/clerk": { status: 200, body: { token: "medusa_identity_token" } },
    "POST /store/customers/sync-role": { status: 200, body: { customer_meta: meta, customer, created, ...companies } },
    "POST /auth/token/refresh": { status: 200, body: { token: "medusa_customer_token" } },
  };
}

/** A company as the sync answers it (`company`, `companies[]`). */
export function companySummary(
  role: "admin" | "buyer" | "member",
  { id = "comp_1", name = "Acme GmbH", verified = false, org = "org_acme" } = {}
) {
  return { id, name, role, is_verified: verified, clerk_organization_id: org };
}
