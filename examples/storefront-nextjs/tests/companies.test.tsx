import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import CompanyPage from "@/app/company/page";
import { Header } from "@/components/Header";
import { CompanyRole, syncErrorText, useAccountType } from "@/lib/role-sync";
import { resetClerk, setActiveOrganization, signInAs } from "./helpers/clerkMock";
import { companySummary, customer, customerMeta, fakeBackend, signInRoutes } from "./helpers/fakeBackend";
import { renderInProvider, renderProbe } from "./helpers/render";

vi.mock("@clerk/nextjs", () => import("./helpers/clerkMock"));

beforeEach(() => resetClerk());

const acme = companySummary("admin", { id: "comp_acme", name: "Acme GmbH", org: "org_acme" });
const globex = companySummary("buyer", { id: "comp_globex", name: "Globex BV", org: "org_globex", verified: true });

/** A sync route answering with the company of the organization asked for (the backend's choice otherwise). */
function companiesBackend(extra: Parameters<typeof fakeBackend>[0] = {}) {
  return fakeBackend({
    ...signInRoutes(customerMeta("business")),
    "POST /store/customers/sync-role": ({ body }) => {
      const orgId = (body as { organization_id?: string } | undefined)?.organization_id;
      const company = orgId === "org_globex" ? globex : acme;
      return {
        status: 200,
        body: { customer_meta: customerMeta("business"), customer, created: false, company, companies: [acme, globex] },
      };
    },
    ...extra,
  });
}

describe("companies in the provider", () => {
  it("re-syncs with organization_id when the active organization changes, and only then", async () => {
    const backend = companiesBackend();
    signInAs({ accountType: "business", company: "Acme GmbH" });
    setActiveOrganization("org_acme");
    const { ctx, rerender } = renderProbe();

    await waitFor(() => expect(ctx().company?.id).toBe("comp_acme"));
    expect(ctx().companies.map((c) => c.id)).toEqual(["comp_acme", "comp_globex"]);
    const firstSync = backend.calls.find((c) => c.path === "/store/customers/sync-role")!;
    expect(firstSync.body).toEqual({ organization_id: "org_acme" });

    // Same organization: nothing to do.
    rerender();
    await new Promise((r) => setTimeout(r, 20));
    expect(backend.calls.filter((c) => c.path === "/store/customers/sync-role")).toHaveLength(1);

    // <OrganizationSwitcher> picks Globex: a new sync names it, and the company follows.
    setActiveOrganization("org_globex");
    rerender();
    await waitFor(() => expect(ctx().company?.id).toBe("comp_globex"));
    const syncs = backend.calls.filter((c) => c.path === "/store/customers/sync-role");
    expect(syncs).toHaveLength(2);
    expect(syncs[1].body).toEqual({ organization_id: "org_globex" });
    // A fresh Clerk token proves identity for the new sync too.
    expect(backend.routesCalled().filter((r) => r === "POST /auth/customer/clerk")).toHaveLength(2);
  });

  it("sends no organization_id for the personal account and exposes no company for a sole trader", async () => {
    const backend = fakeBackend(signInRoutes(customerMeta("business")));
    signInAs({ accountType: "business", company: "Solo Ltd" });
    const { ctx } = renderProbe();
    await waitFor(() => expect(ctx().loading).toBe(false));
    const sync = backend.calls.find((c) => c.path === "/store/customers/sync-role")!;
    expect(sync.body).toBeUndefined();
    expect(ctx()).toMatchObject({ company: null, companies: [] });
  });

  it("reports a 403 for an organization the user is not a member of, with a text that says so", async () => {
    fakeBackend({
      ...signInRoutes(customerMeta("business")),
      "POST /store/customers/sync-role": {
        status: 403,
        body: { type: "not_allowed", message: "You are not a member of organization org_gone." },
      },
    });
    signInAs({ accountType: "business" });
    setActiveOrganization("org_gone");
    function Account() {
      const { error } = useAccountType();
      return error ? <p data-testid="status">{`${error.status}: ${syncErrorText(error)}`}</p> : null;
    }
    renderInProvider(<Account />);
    expect(await screen.findByTestId("status")).toHaveTextContent(
      "403: You are not a member of the selected company (any more). Choose another one in the company switcher."
    );
  });
});

describe("<CompanyRole>", () => {
  function Guarded() {
    const { loading } = useAccountType();
    return (
      <>
        <p>{loading ? "state: loading" : "state: ready"}</p>
        <CompanyRole allow={["admin"]} fallback={<p>admin fallback</p>}>
          <p>admin content</p>
        </CompanyRole>
        <CompanyRole allow={["admin", "buyer"]} fallback={<p>buyer fallback</p>}>
          <p>buyer content</p>
        </CompanyRole>
      </>
    );
  }
  const shown = (text: string) => screen.queryByText(text) !== null;

  it.each([
    ["admin", { admin: true, buyer: true }],
    ["buyer", { admin: false, buyer: true }],
    ["member", { admin: false, buyer: false }],
  ] as const)("a company %s sees what its role allows", async (role, expected) => {
    const company = companySummary(role);
    fakeBackend(signInRoutes(customerMeta("business"), false, { company, companies: [company] }));
    signInAs({ accountType: "business" });
    setActiveOrganization("org_acme");
    renderInProvider(<Guarded />);
    await screen.findByText("state: ready");
    expect(shown("admin content")).toBe(expected.admin);
    expect(shown("admin fallback")).toBe(!expected.admin);
    expect(shown("buyer content")).toBe(expected.buyer);
    expect(shown("buyer fallback")).toBe(!expected.buyer);
  });

  it("shows the fallback to a sole trader (no company) and while loading", async () => {
    fakeBackend(signInRoutes(customerMeta("business", { verified: true })));
    signInAs({ accountType: "business" });
    renderInProvider(<Guarded />);
    expect(shown("admin fallback")).toBe(true);
    await screen.findByText("state: ready");
    expect(shown("admin content")).toBe(false);
    expect(shown("admin fallback")).toBe(true);
  });
});

describe("company page", () => {
  const storeCompany = (role: "admin" | "buyer") => ({
    id: "comp_acme",
    name: "Acme GmbH",
    tax_id: "DE123456789",
    country_code: "DE",
    is_verified: true,
    role,
    members: [
      { id: "cmem_1", customer_id: "cus_1", role: "admin", first_name: "Ada", last_name: "L", email: "ada@example.test" },
      { id: "cmem_2", customer_id: "cus_2", role: "buyer", first_name: "Bob", last_name: "B", email: "bob@example.test" },
    ],
  });

  it("offers Clerk's <CreateOrganization> to a business without a company", async () => {
    fakeBackend(signInRoutes(customerMeta("business")));
    signInAs({ accountType: "business", company: "Solo Ltd" });
    renderInProvider(<CompanyPage />);
    const create = await screen.findByTestId("clerk-create-organization");
    expect(create).toHaveAttribute("data-after", "/company");
    expect(screen.getByText(/Buying on your own\? Skip this/)).toBeInTheDocument();
  });

  it("shows the members with their roles and lets a company admin change the tax data", async () => {
    const company = companySummary("admin");
    const backend = fakeBackend({
      ...signInRoutes(customerMeta("business"), false, { company, companies: [company] }),
      "GET /store/companies/me": { status: 200, body: { company: storeCompany("admin") } },
      "POST /store/companies/me": ({ body }) => ({
        status: 200,
        body: { company: { ...storeCompany("admin"), ...(body as object), is_verified: false } },
      }),
    });
    signInAs({ accountType: "business" });
    setActiveOrganization("org_acme");
    renderInProvider(<CompanyPage />);

    await screen.findByText("Bob B · buyer");
    expect(screen.getByText("Ada L · admin")).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("Tax ID"), { target: { value: "DE 987654321" } });
    fireEvent.click(screen.getByRole("button", { name: "Save tax data" }));

    await screen.findByText(/pending: the store verifies companies/);
    const post = backend.calls.find((c) => c.method === "POST" && c.path === "/store/companies/me")!;
    expect(post.body).toEqual({ tax_id: "DE 987654321", country_code: "DE" });
    expect(post.headers.authorization).toBe("Bearer medusa_identity_token");
    // The verification was reset: the provider syncs again to pick it up.
    await waitFor(() => expect(backend.calls.filter((c) => c.path === "/store/customers/sync-role")).toHaveLength(2));
  });

  it("shows a buyer the company but no tax data form", async () => {
    const company = companySummary("buyer");
    fakeBackend({
      ...signInRoutes(customerMeta("business"), false, { company, companies: [company] }),
      "GET /store/companies/me": { status: 200, body: { company: storeCompany("buyer") } },
    });
    signInAs({ accountType: "business" });
    setActiveOrganization("org_acme");
    renderInProvider(<CompanyPage />);
    await screen.findByText(/buyer: requests quotes and places bulk orders/);
    expect(screen.queryByRole("button", { name: "Save tax data" })).toBeNull();
    expect(screen.getByText("Only company admins can change the tax data.")).toBeInTheDocument();
  });
});

describe("header", () => {
  it("shows Clerk's <OrganizationSwitcher>, with the personal account, to a signed-in user", async () => {
    fakeBackend(signInRoutes(customerMeta("individual")));
    signInAs({ accountType: "individual" });
    renderInProvider(<Header />);
    expect(await screen.findByTestId("clerk-organization-switcher")).toHaveAttribute("data-hide-personal", "false");
  });
});
