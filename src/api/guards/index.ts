export { requireAccountType } from "./require-account-type"
export { requireVerifiedBusiness } from "./require-verified-business"
export { loadCustomerRole, type CustomerRole } from "./load-customer-role"
