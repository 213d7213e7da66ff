import {
  COMPANY_ROLE_PERMISSIONS,
  type AdminCompany,
  type AdminCompanyDetail,
  type AdminCompanyMember,
  type CompanyRole,
  type StoreCompany,
  type StoreCompanyMember,
} from "../../types/company"

const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString()

const byJoined = (a: Record<string, any>, b: Record<string, any>) =>
  new Date(a.joined_at).getTime() - new Date(b.joined_at).getTime() ||
  String(a.id).localeCompare(String(b.id))

const customerOf = (customer: Record<string, any> | null | undefined) =>
  customer
    ? {
        id: customer.id,
        email: customer.email ?? null,
        first_name: customer.first_name ?? null,
        last_name: customer.last_name ?? null,
      }
    : null

/** Query fields of a company for the store answer (`company` entity). */
export const STORE_COMPANY_FIELDS = [
  "id",
  "name",
  "tax_id",
  "tax_id_country",
  "country_code",
  "is_verified",
  "verified_at",
  "created_at",
  "updated_at",
  "members.id",
  "members.customer_id",
  "members.role",
  "members.joined_at",
  "members.customer.email",
  "members.customer.first_name",
  "members.customer.last_name",
]

/** The caller's company as its member sees it: colleagues and their roles, no admin data. */
export function formatStoreCompany(company: Record<string, any>, role: CompanyRole): StoreCompany {
  return {
    id: company.id,
    name: company.name,
    tax_id: company.tax_id ?? null,
    tax_id_country: company.tax_id_country ?? null,
    country_code: company.country_code ?? null,
    is_verified: !!company.is_verified,
    verified_at: iso(company.verified_at),
    role,
    permissions: [...COMPANY_ROLE_PERMISSIONS[role]],
    members: [...(company.members ?? [])].sort(byJoined).map(
      (m): StoreCompanyMember => ({
        id: m.id,
        customer_id: m.customer_id,
        role: m.role,
        first_name: m.customer?.first_name ?? null,
        last_name: m.customer?.last_name ?? null,
        email: m.customer?.email ?? null,
        joined_at: iso(m.joined_at)!,
      })
    ),
    created_at: iso(company.created_at)!,
    updated_at: iso(company.updated_at)!,
  }
}

/** A company in the admin list. */
export function formatAdminCompany(company: Record<string, any>): AdminCompany {
  return {
    id: company.id,
    clerk_organization_id: company.clerk_organization_id,
    name: company.name,
    tax_id: company.tax_id ?? null,
    tax_id_country: company.tax_id_country ?? null,
    country_code: company.country_code ?? null,
    is_verified: !!company.is_verified,
    verified_at: iso(company.verified_at),
    verified_by: company.verified_by ?? null,
    customer_group_id: company.customer_group_id ?? null,
    member_count: (company.members ?? []).length,
    created_at: iso(company.created_at)!,
    updated_at: iso(company.updated_at)!,
  }
}

/** A company with its members, their roles and customers. */
export function formatAdminCompanyDetail(company: Record<string, any>): AdminCompanyDetail {
  return {
    ...formatAdminCompany(company),
    members: [...(company.members ?? [])].sort(byJoined).map(
      (m): AdminCompanyMember => ({
        id: m.id,
        customer_id: m.customer_id,
        clerk_user_id: m.clerk_user_id,
        clerk_membership_id: m.clerk_membership_id,
        role: m.role,
        clerk_role: m.clerk_role,
        joined_at: iso(m.joined_at)!,
        is_active_company: m.customer?.customer_meta?.active_company_id === company.id,
        customer: customerOf(m.customer),
      })
    ),
  }
}
