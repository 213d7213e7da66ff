import { z } from "@medusajs/framework/zod"

/**
 * `POST /store/companies/me`: the company's tax data, nothing else (name and
 * members come from Clerk). Omitted: unchanged; null or "": cleared. The
 * workflow normalizes and checks the values (422 naming the field).
 */
export const StoreUpdateCompany = z
  .object({
    tax_id: z.string({ error: "tax_id must be a string or null" }).max(64, { error: "tax_id is longer than 64 characters" }).nullish(),
    country_code: z.string({ error: "country_code must be a string or null" }).max(8, { error: "country_code must be a two-letter country code" }).nullish(),
  })
  .strict()

export type StoreUpdateCompanyType = z.infer<typeof StoreUpdateCompany>
