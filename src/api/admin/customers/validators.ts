import { z } from "@medusajs/framework/zod"
import { idSchema, textSchema } from "../../../utils/text-schema"
import { TAX_ID_STATUSES, type TaxIdStatus } from "../../../utils/tax-id/types"

// `tax_id_status=pending,invalid`: one status or several, comma-separated.
const taxIdStatusList = z
  .string()
  .trim()
  .transform((value) => value.split(",").map((s) => s.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.enum([...TAX_ID_STATUSES] as [TaxIdStatus, ...TaxIdStatus[]]))
      .min(1)
      .max(TAX_ID_STATUSES.length)
  )

export const AdminVerifyBusinessCustomer = z
  .object({
    customer_id: idSchema(),
    verified: z.boolean().optional().default(true),
    /**
     * The `updated_at` of the customer_meta the admin reviewed (ISO 8601).
     * When the row changed since, nothing is written: 409 `version_conflict`
     * with the current `customer_meta`.
     */
    expected_updated_at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
export type AdminVerifyBusinessCustomerType = z.infer<typeof AdminVerifyBusinessCustomer>

export const AdminListBusinessCustomersParams = z
  .object({
    verified: z.enum(["true", "false"]).optional(),
    tax_id_status: taxIdStatusList.optional(),
    tax_id_flagged: z.enum(["true", "false"]).optional(),
    // An empty search box means no search; anything else is matched, so it
    // is held to the text rules (a NUL byte would reach PostgreSQL).
    q: z.preprocess(
      (value) => (typeof value === "string" && !value.trim() ? undefined : value),
      textSchema({ max: 200 })
        .transform((value) => value.trim())
        .optional()
    ),
    limit: z.coerce.number().int().min(1).max(100).optional().default(20),
    offset: z.coerce.number().int().min(0).optional().default(0),
  })
  .strict()
export type AdminListBusinessCustomersParamsType = z.infer<typeof AdminListBusinessCustomersParams>
