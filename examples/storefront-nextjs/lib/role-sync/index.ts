export { RoleSyncProvider, useRoleSync, createMedusaSdk, type RoleSyncContextValue } from "./RoleSyncProvider";
export { useAccountType, type AccountTypeInfo, type CompanyInfo } from "./useAccountType";
export { BusinessOnly, CompanyRole, IndividualOnly } from "./guards";
export { StoreRequestError, storeRequest } from "./store-request";
export { syncErrorText } from "./sync-error-text";
export type * from "./types";
