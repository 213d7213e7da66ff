/** Fields of `GET /admin/companies` (the `company` entity; `members.id` counts members). */
export const ADMIN_COMPANY_LIST_FIELDS = [
  "id",
  "clerk_organization_id",
  "name",
  "tax_id",
  "tax_id_country",
  "country_code",
  "is_verified",
  "verified_at",
  "verified_by",
  "customer_group_id",
  "created_at",
  "updated_at",
  "members.id",
]

/** Fields of `GET /admin/companies/:id`: the company with members, roles and customers. */
export const ADMIN_COMPANY_DETAIL_FIELDS = [
  ...ADMIN_COMPANY_LIST_FIELDS,
  "members.customer_id",
  "members.clerk_user_id",
  "members.clerk_membership_id",
  "members.role",
  "members.clerk_role",
  "members.joined_at",
  "members.customer.id",
  "members.customer.email",
  "members.customer.first_name",
  "members.customer.last_name",
  "members.customer.customer_meta.active_company_id",
]

export const listTransformQueryConfig = {
  defaults: ADMIN_COMPANY_LIST_FIELDS,
  allowed: ADMIN_COMPANY_DETAIL_FIELDS,
  defaultLimit: 20,
  isList: true,
}

export const retrieveTransformQueryConfig = {
  defaults: ADMIN_COMPANY_DETAIL_FIELDS,
  allowed: ADMIN_COMPANY_DETAIL_FIELDS,
  isList: false,
}
