export type AccountType = "individual" | "business";

/** The plugin's `customer_meta` record (DESIGN §3), as the store API returns it. */
export type CustomerMeta = {
  id: string;
  customer_id: string;
  clerk_user_id?: string;
  account_type: AccountType;
  company_name: string | null;
  tax_id: string | null;
  is_verified: boolean;
  verified_at: string | null;
  created_at?: string;
  updated_at?: string;
};

export type SyncedCustomer = {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
};

/** A member's role in a company (a Clerk Organization): `org:admin` → admin, `org:member` → buyer. */
export type CompanyMemberRole = "admin" | "buyer" | "member";

/** A company the user belongs to, as the sync answers it (DESIGN §10 rule 2). */
export type CompanySummary = {
  id: string;
  name: string;
  /** The user's role in this company. */
  role: CompanyMemberRole;
  is_verified: boolean;
  /** The Clerk Organization, for `organization_id` in the next sync. */
  clerk_organization_id: string;
};

/** `POST /store/customers/sync-role` → 200 */
export type SyncRoleResponse = {
  customer_meta: CustomerMeta;
  customer: SyncedCustomer;
  created: boolean;
  /** The active company; null for individuals and sole traders (absent on backends without companies). */
  company?: CompanySummary | null;
  /** Every company the user belongs to. */
  companies?: CompanySummary[];
};

/**
 * The plugin's error codes (`code` of its error bodies `{ type, code, message }`).
 * Branch on these, not on messages: messages are for people and may change.
 */
export type RoleSyncErrorCode =
  /** 409: a registered customer with that email belongs to someone else. */
  | "account_conflict"
  /** 422: the Clerk metadata can't be accepted (unknown account type, missing company, bad tax ID). */
  | "invalid_metadata"
  /** 422: Clerk has not verified the email yet. */
  | "email_not_verified"
  /** 503: Clerk's API was unreachable or slow; try again. */
  | "clerk_unavailable"
  /** 401: the Clerk user was deleted. */
  | "clerk_user_deleted"
  /** 409: the record changed since it was read. */
  | "version_conflict";

/** Which call of the sign-in sequence failed. */
export type RoleSyncStep = "clerk" | "exchange" | "sync" | "refresh";

export type RoleSyncError = {
  step: RoleSyncStep;
  /** HTTP status when the backend answered, otherwise undefined (network error, no Clerk token). */
  status?: number;
  /** The plugin's error code when the answer had one. */
  code?: RoleSyncErrorCode | string;
  message: string;
};
