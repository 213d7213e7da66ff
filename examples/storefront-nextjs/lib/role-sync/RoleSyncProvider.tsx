"use client";

import { useAuth, useUser } from "@clerk/nextjs";
import Medusa from "@medusajs/js-sdk";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import { MEDUSA_BACKEND_URL, MEDUSA_PUBLISHABLE_KEY } from "../config";
import { storeRequest } from "./store-request";
import type {
  CompanySummary,
  CustomerMeta,
  RoleSyncError,
  RoleSyncStep,
  SyncRoleResponse,
  SyncedCustomer,
} from "./types";

export type RoleSyncContextValue = {
  /** Medusa client; once synced it sends the customer's token on every call. */
  sdk: Medusa;
  /** The Medusa JWT of the synced customer, or null. */
  token: string | null;
  customerMeta: CustomerMeta | null;
  customer: SyncedCustomer | null;
  /** The active company (the Clerk Organization chosen in <OrganizationSwitcher>), or null. */
  company: CompanySummary | null;
  /** Every company the user belongs to. */
  companies: CompanySummary[];
  /** True until the first sync of the signed-in user has finished (or failed). */
  loading: boolean;
  /** True while any sync is in flight, including a re-sync that keeps showing older data. */
  syncing: boolean;
  error: RoleSyncError | null;
  /** Run the sequence again, e.g. after an admin verified the business. */
  resync: () => void;
};

type SyncResult = {
  userId: string;
  token: string | null;
  customerMeta: CustomerMeta | null;
  customer: SyncedCustomer | null;
  company: CompanySummary | null;
  companies: CompanySummary[];
  error: RoleSyncError | null;
};

const RoleSyncContext = createContext<RoleSyncContextValue | null>(null);
const EMPTY: CompanySummary[] = [];

export function createMedusaSdk(baseUrl: string, publishableKey: string) {
  return new Medusa({
    baseUrl,
    publishableKey,
    // Kept in memory: the token is re-derived from the Clerk session on every page load,
    // so nothing outlives a sign-out in localStorage.
    auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
  });
}

function isSyncError(err: unknown): err is RoleSyncError {
  return typeof (err as RoleSyncError)?.step === "string" && typeof (err as RoleSyncError)?.message === "string";
}

function toSyncError(step: RoleSyncStep, err: unknown): RoleSyncError {
  const { status, code } = (err ?? {}) as { status?: unknown; code?: unknown };
  return {
    step,
    status: typeof status === "number" ? status : undefined,
    ...(typeof code === "string" ? { code } : {}),
    message: err instanceof Error ? err.message : String(err),
  };
}

/**
 * Clerk session token → Medusa token → customer role (and companies).
 * `organizationId` is Clerk's active organization: the backend makes it the
 * active company when the user really is a member of it (403 otherwise).
 * The token is only stored in the SDK once the whole sequence succeeded, so pages keep
 * using the previous (still valid) token while a re-sync runs.
 * Errors keep the backend's `code` (see RoleSyncErrorCode), so the UI can branch on it.
 */
async function exchangeAndSync(
  backend: { backendUrl: string; publishableKey: string },
  clerkToken: string,
  organizationId: string | null
) {
  const call = <T,>(path: string, token: string | null, body?: unknown) =>
    storeRequest<T>(backend.backendUrl, backend.publishableKey, path, { token, body });
  let step: RoleSyncStep = "exchange";
  try {
    // Only the Clerk token proves identity: no stored Medusa token rides along.
    const { token: exchanged } = await call<{ token: string }>("/auth/customer/clerk", null, { token: clerkToken });
    if (!exchanged) throw new Error("The Clerk sign-in answered without a Medusa token");

    step = "sync";
    const synced = await call<SyncRoleResponse>(
      "/store/customers/sync-role",
      exchanged,
      organizationId ? { organization_id: organizationId } : undefined
    );

    let token = exchanged;
    if (synced.created) {
      // The first token was issued before the customer existed; the refreshed one carries its id.
      step = "refresh";
      ({ token } = await call<{ token: string }>("/auth/token/refresh", exchanged));
    }
    return { token, synced };
  } catch (err) {
    throw toSyncError(step, err);
  }
}

export function RoleSyncProvider({
  children,
  backendUrl = MEDUSA_BACKEND_URL,
  publishableKey = MEDUSA_PUBLISHABLE_KEY,
}: {
  children: ReactNode;
  backendUrl?: string;
  publishableKey?: string;
}) {
  // orgId: the active Clerk Organization (null for a personal account); switching it re-syncs.
  const { isLoaded, isSignedIn, getToken, orgId } = useAuth();
  const activeOrganizationId = orgId ?? null;
  const { user } = useUser();
  const sdk = useMemo(() => createMedusaSdk(backendUrl, publishableKey), [backendUrl, publishableKey]);

  const [result, setResult] = useState<SyncResult | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [nonce, setNonce] = useState(0);
  const resync = useCallback(() => setNonce((n) => n + 1), []);

  const userId = user?.id ?? null;
  // unsafeMetadata is what the backend reads the role from; updatedAt catches any other profile change.
  const userKey = user
    ? `${user.id}|${user.updatedAt?.getTime() ?? ""}|${JSON.stringify(user.unsafeMetadata ?? {})}`
    : null;

  useEffect(() => {
    if (!isLoaded) return;
    if (!isSignedIn) {
      setResult(null);
      setSyncing(false);
      void sdk.client.clearToken();
      return;
    }
    if (!userId) return; // signed in, user object not loaded yet

    let cancelled = false;
    setSyncing(true);
    (async () => {
      try {
        const clerkToken = await getToken();
        if (!clerkToken) throw toSyncError("clerk", new Error("Clerk returned no session token"));
        const { token, synced } = await exchangeAndSync({ backendUrl, publishableKey }, clerkToken, activeOrganizationId);
        if (cancelled) return;
        await sdk.client.setToken(token);
        setResult({
          userId,
          token,
          customerMeta: synced.customer_meta,
          customer: synced.customer,
          company: synced.company ?? null,
          companies: synced.companies ?? [],
          error: null,
        });
      } catch (err) {
        if (cancelled) return;
        const error = isSyncError(err) ? err : toSyncError("clerk", err);
        // Nothing is written server-side on error, so an earlier result for this user stays valid.
        setResult((prev) =>
          prev?.userId === userId
            ? { ...prev, error }
            : { userId, token: null, customerMeta: null, customer: null, company: null, companies: [], error }
        );
      } finally {
        if (!cancelled) setSyncing(false);
      }
    })();
    return () => {
      cancelled = true;
    };
    // userKey changes with user.id, user.updatedAt and user.unsafeMetadata.
  }, [isLoaded, isSignedIn, userId, userKey, activeOrganizationId, nonce, sdk, getToken, backendUrl, publishableKey]);

  // Never show another user's data, e.g. right after switching sessions.
  const current = isSignedIn && result?.userId === userId ? result : null;
  const value = useMemo<RoleSyncContextValue>(
    () => ({
      sdk,
      token: current?.token ?? null,
      customerMeta: current?.customerMeta ?? null,
      customer: current?.customer ?? null,
      company: current?.company ?? null,
      companies: current?.companies ?? EMPTY,
      loading: !isLoaded || (!!isSignedIn && !current),
      syncing,
      error: current?.error ?? null,
      resync,
    }),
    [sdk, current, isLoaded, isSignedIn, syncing, resync]
  );

  return <RoleSyncContext.Provider value={value}>{children}</RoleSyncContext.Provider>;
}

export function useRoleSync(): RoleSyncContextValue {
  const ctx = useContext(RoleSyncContext);
  if (!ctx) throw new Error("useRoleSync must be used inside <RoleSyncProvider>");
  return ctx;
}
