import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

export type RoleSyncFindParamsOptions = {
  /** Page size when `limit` is not given. */
  limit?: number
  /** Largest page a caller may ask for. */
  maxLimit?: number
  /** Default `order`, Medusa's syntax; `-created_at` (newest first) unless given. */
  order?: string
  /** The fields `order` may name (each also with a leading `-`). */
  orderable: readonly string[]
}

/**
 * Medusa's list params (`fields`, `order`, `limit`, `offset`, from
 * `createFindParams`) for the plugin's list routes, with bounds Medusa leaves
 * open: `limit` is a whole number from 1 to `maxLimit`, `offset` one ≥ 0 and
 * `order` one of `orderable`, else a 400 naming the param; `with_deleted` is
 * not offered, so soft-deleted rows never show.
 */
export const createRoleSyncFindParams = ({
  limit = 20,
  maxLimit = 100,
  order = "-created_at",
  orderable,
}: RoleSyncFindParamsOptions) => {
  const orderField = z
    .string()
    .refine((value) => orderable.includes(value.replace(/^-/, "")), {
      message: `order must be one of ${orderable.join(", ")} (prefix - for descending)`,
    })
  return createFindParams({ limit, offset: 0, order })
    .omit({ with_deleted: true })
    .extend({
      limit: z.coerce.number().int().min(1).max(maxLimit).default(limit),
      offset: z.coerce.number().int().min(0).default(0),
      order: orderField.optional().default(order),
    })
}
