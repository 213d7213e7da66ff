export { requireAccountType } from "./require-account-type"
export { requireVerifiedBusiness } from "./require-verified-business"
export { requireCompanyRole, requireCompanyRoleIfMember } from "./require-company-role"
export { loadCustomerRole, type CustomerRole } from "./load-customer-role"
