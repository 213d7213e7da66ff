import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { idSchema, textSchema } from "../../../utils/text-schema"

/** `GET /admin/companies?verified=&q=&customer_id=&limit=&offset=&order=` */
export const AdminGetCompaniesParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" })
  .omit({ with_deleted: true })
  .extend({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    verified: z
      .enum(["true", "false"], { error: 'verified must be "true" or "false"' })
      .transform((v) => v === "true")
      .optional(),
    // Matched against the database: held to the text rules (a NUL byte would
    // reach PostgreSQL); an empty search box means no search.
    q: z.preprocess(
      (value) => (typeof value === "string" && !value.trim() ? undefined : value),
      textSchema({ max: 200 })
        .transform((value) => value.trim())
        .optional()
    ),
    customer_id: idSchema().optional(),
  })
  .strict()

export type AdminGetCompaniesParamsType = z.infer<typeof AdminGetCompaniesParams>

export const AdminGetCompanyParams = createSelectParams().strict()

/** `POST /admin/companies/:id/verify` */
export const AdminVerifyCompany = z
  .object({
    verified: z.boolean().optional().default(true),
    expected_updated_at: z.iso
      .datetime({ offset: true, error: "expected_updated_at must be the company's updated_at (an ISO date-time)" })
      .optional(),
  })
  .strict()

export type AdminVerifyCompanyType = z.infer<typeof AdminVerifyCompany>
