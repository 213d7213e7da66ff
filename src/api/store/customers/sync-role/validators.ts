import { z } from "@medusajs/framework/zod"
import { ClerkId } from "../../../../modules/clerk/clerk-user"

/**
 * `POST /store/customers/sync-role` body. Everything about the user comes
 * from Clerk; the caller only chooses which of their organizations is the
 * active company (DESIGN §10 rule 2).
 */
export const StoreSyncRoleBody = z
  .object({
    organization_id: ClerkId.nullish(),
  })
  .strict()

export type StoreSyncRoleBodyType = z.infer<typeof StoreSyncRoleBody>
