import { renderHook, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useAccountType } from "@/lib/role-sync";
import { resetClerk, signInAs } from "./helpers/clerkMock";
import { companySummary, customerMeta, fakeBackend, signInRoutes } from "./helpers/fakeBackend";
import { TestProvider } from "./helpers/render";

vi.mock("@clerk/nextjs", () => import("./helpers/clerkMock"));

beforeEach(() => resetClerk());

async function accountTypeFor(meta: ReturnType<typeof customerMeta>) {
  fakeBackend(signInRoutes(meta));
  signInAs({ accountType: meta.account_type });
  const { result } = renderHook(() => useAccountType(), { wrapper: TestProvider });
  expect(result.current).toMatchObject({ loading: true, accountType: null, isBusiness: false });
  await waitFor(() => expect(result.current.loading).toBe(false));
  return result.current;
}

describe("useAccountType", () => {
  it("describes an individual", async () => {
    expect(await accountTypeFor(customerMeta("individual"))).toEqual({
      accountType: "individual",
      isBusiness: false,
      isVerified: false,
      companyName: null,
      company: null,
      loading: false,
      error: null,
    });
  });

  it("describes an unverified business", async () => {
    expect(await accountTypeFor(customerMeta("business", { company: "Acme GmbH" }))).toEqual({
      accountType: "business",
      isBusiness: true,
      isVerified: false,
      companyName: "Acme GmbH",
      company: null,
      loading: false,
      error: null,
    });
  });

  it("describes a verified business", async () => {
    expect(await accountTypeFor(customerMeta("business", { company: "Acme GmbH", verified: true }))).toEqual({
      accountType: "business",
      isBusiness: true,
      isVerified: true,
      companyName: "Acme GmbH",
      company: null,
      loading: false,
      error: null,
    });
  });

  it("describes a company member: the active company with its role, a business whatever the member's own metadata", async () => {
    const company = companySummary("buyer", { name: "Acme Group", verified: true });
    fakeBackend(
      signInRoutes(customerMeta("individual"), false, {
        company,
        companies: [company, companySummary("admin", { id: "comp_2", name: "Other Co", org: "org_other" })],
      })
    );
    signInAs({});
    const { result } = renderHook(() => useAccountType(), { wrapper: TestProvider });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current).toEqual({
      accountType: "business",
      isBusiness: true,
      // The company's verification counts: every member of a verified company gets its prices.
      isVerified: true,
      companyName: "Acme Group",
      company: { id: "comp_1", name: "Acme Group", role: "buyer", isVerified: true },
      loading: false,
      error: null,
    });
  });

  it("a member of an unverified company is not verified, even as a verified sole trader before", async () => {
    fakeBackend(
      signInRoutes(customerMeta("business", { verified: true }), false, {
        company: companySummary("admin", { verified: false }),
        companies: [companySummary("admin", { verified: false })],
      })
    );
    signInAs({ accountType: "business" });
    const { result } = renderHook(() => useAccountType(), { wrapper: TestProvider });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current).toMatchObject({ isBusiness: true, isVerified: false, company: { role: "admin", isVerified: false } });
  });

  it("has no account type when signed out", () => {
    fakeBackend({});
    const { result } = renderHook(() => useAccountType(), { wrapper: TestProvider });
    expect(result.current).toEqual({
      accountType: null,
      isBusiness: false,
      isVerified: false,
      companyName: null,
      company: null,
      loading: false,
      error: null,
    });
  });
});
