import { renderHook, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useAccountType } from "@/lib/role-sync";
import { resetClerk, signInAs } from "./helpers/clerkMock";
import { customerMeta, fakeBackend, signInRoutes } from "./helpers/fakeBackend";
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
      loading: false,
      error: null,
    });
  });

  it("has no account type when signed out", () => {
    fakeBackend({});
    const { result } = renderHook(() => useAccountType(), { wrapper: TestProvider });
    expect(result.current).toEqual({
      accountType: null,
      isBusiness: false,
      isVerified: false,
      companyName: null,
      loading: false,
      error: null,
    });
  });
});
