import type { RoleSyncError } from "./types";

/**
 * What to tell the user when signing in to the shop failed, decided by the
 * plugin's error `code` (stable), not by its message (for people, may change).
 */
export function syncErrorText(error: RoleSyncError): string {
  switch (error.code) {
    case "account_conflict":
      return "An account with this email already exists in the shop. Sign in with that account, or use another email in Clerk.";
    case "invalid_metadata":
      return `Your account details can't be used: ${error.message} Fix them in your profile and sync again.`;
    case "email_not_verified":
      return "Verify your email address first, then sync again.";
    case "clerk_unavailable":
      return "The sign-in service is not reachable right now. Try again in a moment.";
    case "clerk_user_deleted":
      return "This account was deleted. Create a new account to shop again.";
  }
  if (error.step === "sync" && error.status === 403) {
    // organization_id of an organization the user is not a member of (e.g. just removed from it).
    return "You are not a member of the selected company (any more). Choose another one in the company switcher.";
  }
  if (error.step === "exchange" && error.status === 401) {
    return "Your session expired. Sign in again.";
  }
  return `Could not load your account (${error.step}): ${error.message}`;
}
