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
import type {
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
  error: RoleSyncError | null;
};

const RoleSyncContext = createContext<RoleSyncContextValue | null>(null);

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
  const status = (err as { status?: unknown })?.status;
  return {
    step,
    status: typeof status === "number" ? status : undefined,
    message: err instanceof Error ? err.message : String(err),
  };
}

/**
 * Clerk session token → Medusa token → customer role.
 * The token is only stored in the SDK once the whole sequence succeeded, so pages keep
 * using the previous (still valid) token while a re-sync runs.
 */
async function exchangeAndSync(sdk: Medusa, clerkToken: string) {
  let step: RoleSyncStep = "exchange";
  try {
    const { token: exchanged } = await sdk.client.fetch<{ token: string }>(
      "/auth/customer/clerk",
      // A stored Medusa token from an earlier sync must not ride along: only the Clerk token proves identity.
      { method: "POST", body: { token: clerkToken }, headers: { Authorization: null } }
    );
    if (!exchanged) throw new Error("The Clerk sign-in answered without a Medusa token");

    step = "sync";
    const synced = await sdk.client.fetch<SyncRoleResponse>("/store/customers/sync-role", {
      method: "POST",
      headers: { Authorization: `Bearer ${exchanged}` },
    });

    let token = exchanged;
    if (synced.created) {
      // The first token was issued before the customer existed; the refreshed one carries its id.
      step = "refresh";
      ({ token } = await sdk.client.fetch<{ token: string }>("/auth/token/refresh", {
        method: "POST",
        headers: { Authorization: `Bearer ${exchanged}` },
      }));
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
  const { isLoaded, isSignedIn, getToken } = useAuth();
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
        const { token, synced } = await exchangeAndSync(sdk, clerkToken);
        if (cancelled) return;
        await sdk.client.setToken(token);
        setResult({ userId, token, customerMeta: synced.customer_meta, customer: synced.customer, error: null });
      } catch (err) {
        if (cancelled) return;
        const error = isSyncError(err) ? err : toSyncError("clerk", err);
        // Nothing is written server-side on error, so an earlier result for this user stays valid.
        setResult((prev) =>
          prev?.userId === userId
            ? { ...prev, error }
            : { userId, token: null, customerMeta: null, customer: null, error }
        );
      } finally {
        if (!cancelled) setSyncing(false);
      }
    })();
    return () => {
      cancelled = true;
    };
    // userKey changes with user.id, user.updatedAt and user.unsafeMetadata.
  }, [isLoaded, isSignedIn, userId, userKey, nonce, sdk, getToken]);

  // Never show another user's data, e.g. right after switching sessions.
  const current = isSignedIn && result?.userId === userId ? result : null;
  const value = useMemo<RoleSyncContextValue>(
    () => ({
      sdk,
      token: current?.token ?? null,
      customerMeta: current?.customerMeta ?? null,
      customer: current?.customer ?? null,
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
