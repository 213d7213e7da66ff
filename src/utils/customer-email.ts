import type { ICustomerModuleService } from "@medusajs/framework/types"

/**
 * Emails are compared case-insensitively everywhere (DESIGN §8 rule 1):
 * `Mixed.Case@Example.test` and `mixed.case@example.test` are one mailbox.
 * Medusa stores an email as it was given (core's cart flows lower-case it,
 * `POST /store/customers` does not), so lookups can't rely on exact matches.
 */

/** Trimmed and lower-cased: the form the plugin writes and compares. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase()

/** True when both are set and name the same mailbox. */
export const isSameEmail = (a?: string | null, b?: string | null) =>
  !!a && !!b && normalizeEmail(a) === normalizeEmail(b)

/**
 * An `$ilike` pattern that matches `value` exactly, ignoring case: LIKE's
 * wildcards (`%`, `_`) and its escape character are escaped, so
 * `first_last@x.test` does not also match `firstXlast@x.test`.
 */
export const exactIlikePattern = (value: string) =>
  value.replace(/[\\%_]/g, (char) => `\\${char}`)

export type CustomerWithEmail = {
  id: string
  email: string | null
  has_account: boolean
}

/**
 * The customers whose email is `email` in any case (one query; Medusa's
 * `(email, has_account)` index is case-sensitive, so this is an ILIKE).
 * Exact-case matches come first.
 *
 * @param filters.has_account - only registered (`true`) or guest (`false`)
 *   customers; both when omitted.
 */
export async function listCustomersByEmail(
  customerService: ICustomerModuleService,
  email: string,
  filters: { has_account?: boolean } = {}
): Promise<CustomerWithEmail[]> {
  const wanted = normalizeEmail(email)
  if (!wanted) {
    return []
  }
  const customers = await customerService.listCustomers(
    {
      email: { $ilike: exactIlikePattern(wanted) },
      ...(filters.has_account === undefined ? {} : { has_account: filters.has_account }),
    },
    { select: ["id", "email", "has_account"] }
  )
  return customers
    .filter((c) => isSameEmail(c.email, wanted))
    .map((c) => ({ id: c.id, email: c.email ?? null, has_account: !!c.has_account }))
    .sort((a, b) => Number(b.email === wanted) - Number(a.email === wanted))
}
