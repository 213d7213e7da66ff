import type { AdditionalData } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import {
  createSelectParams,
  WithAdditionalData,
} from "@medusajs/medusa/api/utils/validators"
import { idSchema, textSchema } from "../../../utils/text-schema"
import { TAX_ID_STATUSES, type TaxIdStatus } from "../../../utils/tax-id/types"
import { createRoleSyncFindParams } from "../../utils/find-params"
import { BUSINESS_CUSTOMER_ORDERABLE_FIELDS } from "./business/find-business-customers"

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

const VerifyBusinessCustomer = z
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

/** Takes `additional_data` for the `businessVerified` hook, as core's routes do. */
export const AdminVerifyBusinessCustomer = WithAdditionalData(VerifyBusinessCustomer)
export type AdminVerifyBusinessCustomerType = z.infer<typeof VerifyBusinessCustomer> &
  AdditionalData

/** `?fields=` on the role verify answers. */
export const AdminGetCustomerMetaParams = createSelectParams().strict()

export const AdminListBusinessCustomersParams = createRoleSyncFindParams({ orderable: BUSINESS_CUSTOMER_ORDERABLE_FIELDS })
  .extend({
    verified: z.enum(["true", "false"]).optional(),
    tax_id_status: taxIdStatusList.optional(),
    tax_id_flagged: z.enum(["true", "false"]).optional(),
    // Part of the company name, the tax ID (as typed or compact) or the
    // customer's email. An empty search box means no search; anything else
    // is matched, so it is held to the text rules (a NUL byte would reach
    // PostgreSQL).
    q: z.preprocess(
      (value) => (typeof value === "string" && !value.trim() ? undefined : value),
      textSchema({ max: 200 })
        .transform((value) => value.trim())
        .optional()
    ),
  })
  .strict()
export type AdminListBusinessCustomersParamsType = z.infer<
  typeof AdminListBusinessCustomersParams
>
