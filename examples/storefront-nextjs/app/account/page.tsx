"use client";

import { syncErrorText, useRoleSync } from "@/lib/role-sync";

export default function AccountPage() {
  const { customer, customerMeta, loading, syncing, error, resync } = useRoleSync();

  return (
    <>
      <h1>Your account</h1>
      {error && (
        <p className="error" data-code={error.code}>
          {syncErrorText(error)}
        </p>
      )}
      {loading && <p className="muted">Loading your account…</p>}
      {customer && customerMeta && (
        <dl>
          <dt>Email</dt>
          <dd>{customer.email}</dd>
          <dt>Account type</dt>
          <dd>{customerMeta.account_type}</dd>
          {customerMeta.account_type === "business" && (
            <>
              <dt>Company</dt>
              <dd>{customerMeta.company_name}</dd>
              <dt>Tax ID</dt>
              <dd>{customerMeta.tax_id ?? "—"}</dd>
              <dt>Verification</dt>
              <dd>
                {customerMeta.is_verified
                  ? `verified${customerMeta.verified_at ? ` on ${new Date(customerMeta.verified_at).toLocaleDateString()}` : ""}`
                  : "pending: an admin verifies business accounts"}
              </dd>
            </>
          )}
        </dl>
      )}
      <button type="button" onClick={resync} disabled={syncing}>
        {syncing ? "Syncing…" : "Sync again"}
      </button>
    </>
  );
}
