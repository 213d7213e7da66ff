"use client";

import { CreateOrganization } from "@clerk/nextjs";
import { useEffect, useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { CompanyRole, useAccountType, useRoleSync, type CompanyMemberRole } from "@/lib/role-sync";

type Member = {
  id: string;
  customer_id: string;
  role: CompanyMemberRole;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
};
/** `GET /store/companies/me` */
type Company = {
  id: string;
  name: string;
  tax_id: string | null;
  country_code: string | null;
  is_verified: boolean;
  role: CompanyMemberRole;
  members: Member[];
};

const ROLE_TEXT: Record<CompanyMemberRole, string> = {
  admin: "admin: requests and accepts quotes, places bulk orders, edits the tax data",
  buyer: "buyer: requests quotes and places bulk orders",
  member: "member: reads the company's quotes",
};

export default function CompanyPage() {
  const { company, isBusiness, loading } = useAccountType();
  return (
    <>
      <h1>Your company</h1>
      {loading ? (
        <p className="muted">Loading your account…</p>
      ) : company ? (
        <CompanyDetails key={company.id} />
      ) : (
        <NoCompany isBusiness={isBusiness} />
      )}
    </>
  );
}

/**
 * Business sign-up, second step: a Clerk Organization is the company. Creating it makes it the active
 * organization, the provider re-syncs with its id, and the store creates the company.
 */
function NoCompany({ isBusiness }: { isBusiness: boolean }) {
  return (
    <>
      <p>
        Buying as a team? Create your company: colleagues you invite in Clerk buy for it with the role you give
        them, and the store verifies the company once for everyone.
        {isBusiness && " Buying on your own? Skip this: your business account works as it is."}
      </p>
      <CreateOrganization afterCreateOrganizationUrl="/company" skipInvitationScreen={false} />
    </>
  );
}

function CompanyDetails() {
  const { sdk, token, resync } = useRoleSync();
  const [company, setCompany] = useState<Company | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!token) return;
    sdk.client
      .fetch<{ company: Company }>("/store/companies/me")
      .then(({ company }) => setCompany(company))
      .catch((err) => setError(errorMessage(err)));
  }, [sdk, token]);

  if (error) return <p className="error">{error}</p>;
  if (!company) return <p className="muted">Loading your company…</p>;

  return (
    <>
      <dl>
        <dt>Company</dt>
        <dd>{company.name}</dd>
        <dt>Your role</dt>
        <dd>{ROLE_TEXT[company.role]}</dd>
        <dt>Verification</dt>
        <dd>{company.is_verified ? "verified: business prices apply to every member" : "pending: the store verifies companies"}</dd>
        <dt>Tax ID</dt>
        <dd>{company.tax_id ?? "—"}</dd>
      </dl>
      <h2>Members</h2>
      <ul>
        {company.members.map((member) => (
          <li key={member.id}>
            {[member.first_name, member.last_name].filter(Boolean).join(" ") || member.email} · {member.role}
          </li>
        ))}
      </ul>
      <CompanyRole allow={["admin"]} fallback={<p className="muted">Only company admins can change the tax data.</p>}>
        <TaxDataForm
          company={company}
          onSaved={(saved) => {
            setCompany(saved);
            // A change of tax data resets the company's verification: pick that up everywhere.
            resync();
          }}
        />
      </CompanyRole>
    </>
  );
}

/** `POST /store/companies/me` (company admins only; the server checks the role). */
function TaxDataForm({ company, onSaved }: { company: Company; onSaved: (company: Company) => void }) {
  const { sdk } = useRoleSync();
  const [taxId, setTaxId] = useState(company.tax_id ?? "");
  const [country, setCountry] = useState(company.country_code ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaving(true);
    try {
      const { company: saved } = await sdk.client.fetch<{ company: Company }>("/store/companies/me", {
        method: "POST",
        body: { tax_id: taxId.trim() || null, country_code: country.trim() || null },
      });
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit}>
      <h2>Tax data</h2>
      <label>
        Tax ID
        <input value={taxId} maxLength={32} onChange={(e) => setTaxId(e.target.value)} />
      </label>
      <label>
        Country (ISO code, e.g. DE)
        <input value={country} maxLength={2} onChange={(e) => setCountry(e.target.value)} />
      </label>
      <p className="muted">Changing the tax data resets the company&apos;s verification until the store checks it again.</p>
      <button type="submit" disabled={saving}>
        {saving ? "Saving…" : "Save tax data"}
      </button>
      {error && <p className="error">{error}</p>}
    </form>
  );
}
