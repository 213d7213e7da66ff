import { createElement } from "react";
import { vi } from "vitest";

// Stands in for @clerk/nextjs's hooks: tests use vi.mock("@clerk/nextjs", () => import("./helpers/clerkMock")).

type FakeUser = { id: string; updatedAt: Date; unsafeMetadata: Record<string, unknown> };

export const clerk = {
  isLoaded: true,
  isSignedIn: false,
  user: null as FakeUser | null,
  /** The active Clerk Organization (what <OrganizationSwitcher> sets), or null for the personal account. */
  orgId: null as string | null,
  getToken: vi.fn(async () => "clerk_session_jwt" as string | null),
};

export function resetClerk() {
  clerk.isLoaded = true;
  clerk.isSignedIn = false;
  clerk.user = null;
  clerk.orgId = null;
  clerk.getToken = vi.fn(async () => "clerk_session_jwt" as string | null);
}

/** What <OrganizationSwitcher> does: makes another organization (or none) the active one. */
export function setActiveOrganization(orgId: string | null) {
  clerk.orgId = orgId;
}

export function signInAs(unsafeMetadata: Record<string, unknown>, id = "user_1") {
  clerk.isSignedIn = true;
  clerk.user = { id, updatedAt: new Date("2026-01-01T00:00:00Z"), unsafeMetadata };
}

/** A new user object with other unsafeMetadata; updatedAt is left alone so only the metadata differs. */
export function updateMetadata(unsafeMetadata: Record<string, unknown>) {
  if (!clerk.user) throw new Error("not signed in");
  clerk.user = { ...clerk.user, unsafeMetadata };
}

export function signOut() {
  clerk.isSignedIn = false;
  clerk.user = null;
  clerk.orgId = null;
}

export function useAuth() {
  return {
    isLoaded: clerk.isLoaded,
    isSignedIn: clerk.isLoaded ? clerk.isSignedIn : undefined,
    userId: clerk.user?.id ?? null,
    orgId: clerk.isSignedIn ? clerk.orgId : null,
    getToken: clerk.getToken,
  };
}

export function useUser() {
  return {
    isLoaded: clerk.isLoaded,
    isSignedIn: clerk.isLoaded ? clerk.isSignedIn : undefined,
    user: clerk.isLoaded ? (clerk.isSignedIn ? clerk.user : null) : undefined,
  };
}

/** Clerk's prebuilt components, as placeholders that show the props a page gave them. */
export function CreateOrganization(props: Record<string, unknown>) {
  return createElement("div", { "data-testid": "clerk-create-organization", "data-after": String(props.afterCreateOrganizationUrl ?? "") });
}

export function OrganizationSwitcher(props: Record<string, unknown>) {
  return createElement("div", { "data-testid": "clerk-organization-switcher", "data-hide-personal": String(props.hidePersonal) });
}

export function SignOutButton() {
  return createElement("button", { type: "button" }, "Sign out");
}
