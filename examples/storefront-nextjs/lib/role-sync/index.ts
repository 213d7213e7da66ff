export { RoleSyncProvider, useRoleSync, createMedusaSdk, type RoleSyncContextValue } from "./RoleSyncProvider";
export { useAccountType, type AccountTypeInfo } from "./useAccountType";
export { BusinessOnly, IndividualOnly } from "./guards";
export type * from "./types";
