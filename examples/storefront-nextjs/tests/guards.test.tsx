import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { BusinessOnly, IndividualOnly, useAccountType } from "@/lib/role-sync";
import { clerk, resetClerk, signInAs } from "./helpers/clerkMock";
import { customerMeta, deferredReply, fakeBackend, signInRoutes } from "./helpers/fakeBackend";
import { renderInProvider } from "./helpers/render";

vi.mock("@clerk/nextjs", () => import("./helpers/clerkMock"));

beforeEach(() => resetClerk());

function Guarded() {
  const { loading } = useAccountType();
  return (
    <>
      <p>{loading ? "state: loading" : "state: ready"}</p>
      <BusinessOnly fallback={<p>business fallback</p>}>
        <p>business content</p>
      </BusinessOnly>
      <IndividualOnly fallback={<p>individual fallback</p>}>
        <p>individual content</p>
      </IndividualOnly>
      <BusinessOnly>
        <p>business content without fallback</p>
      </BusinessOnly>
    </>
  );
}

const shown = (text: string) => screen.queryByText(text) !== null;

async function renderFor(meta: ReturnType<typeof customerMeta>) {
  fakeBackend(signInRoutes(meta));
  signInAs({ accountType: meta.account_type });
  renderInProvider(<Guarded />);
  await screen.findByText("state: ready");
}

describe("BusinessOnly / IndividualOnly", () => {
  it.each([
    ["an unverified business", customerMeta("business")],
    ["a verified business", customerMeta("business", { verified: true })],
  ])("show business content to %s", async (_, meta) => {
    await renderFor(meta);
    expect(shown("business content")).toBe(true);
    expect(shown("business content without fallback")).toBe(true);
    expect(shown("business fallback")).toBe(false);
    expect(shown("individual content")).toBe(false);
    expect(shown("individual fallback")).toBe(true);
  });

  it("show individual content to an individual", async () => {
    await renderFor(customerMeta("individual"));
    expect(shown("individual content")).toBe(true);
    expect(shown("individual fallback")).toBe(false);
    expect(shown("business content")).toBe(false);
    expect(shown("business content without fallback")).toBe(false);
    expect(shown("business fallback")).toBe(true);
  });

  it("show only fallbacks while Clerk loads", () => {
    fakeBackend({});
    clerk.isLoaded = false;
    renderInProvider(<Guarded />);
    expect(shown("state: loading")).toBe(true);
    expect(shown("business fallback")).toBe(true);
    expect(shown("individual fallback")).toBe(true);
    expect(shown("business content")).toBe(false);
    expect(shown("individual content")).toBe(false);
  });

  it("show only fallbacks while the role sync is in flight, then the content", async () => {
    const sync = deferredReply();
    fakeBackend({ ...signInRoutes(customerMeta("business")), "POST /store/customers/sync-role": sync.route });
    signInAs({ accountType: "business", company: "Acme GmbH" });
    renderInProvider(<Guarded />);

    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(shown("state: loading")).toBe(true);
    expect(shown("business fallback")).toBe(true);
    expect(shown("individual fallback")).toBe(true);
    expect(shown("business content")).toBe(false);

    sync.resolve({ status: 200, body: { customer_meta: customerMeta("business"), customer: {}, created: false } });
    await screen.findByText("business content");
    expect(shown("business fallback")).toBe(false);
  });

  it("show only fallbacks when signed out", () => {
    fakeBackend({});
    renderInProvider(<Guarded />);
    expect(shown("state: ready")).toBe(true);
    expect(shown("business fallback")).toBe(true);
    expect(shown("individual fallback")).toBe(true);
    expect(shown("business content")).toBe(false);
    expect(shown("individual content")).toBe(false);
  });

  it("show only fallbacks when the sync failed", async () => {
    fakeBackend({
      ...signInRoutes(customerMeta("business")),
      "POST /store/customers/sync-role": { status: 503, body: { message: "Clerk API unreachable" } },
    });
    signInAs({ accountType: "business", company: "Acme GmbH" });
    renderInProvider(<Guarded />);
    await screen.findByText("state: ready");
    expect(shown("business fallback")).toBe(true);
    expect(shown("individual fallback")).toBe(true);
    expect(shown("business content")).toBe(false);
    expect(shown("individual content")).toBe(false);
  });
});
