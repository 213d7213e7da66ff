import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ADMIN_CUSTOMER_META_FIELDS, type TaxIdStatus } from "../../../../types"

/** `customer_meta` columns and customer fields the admin list can sort on. */
const META_ORDER_COLUMNS: readonly string[] = ADMIN_CUSTOMER_META_FIELDS
const CUSTOMER_ORDER_COLUMNS = ["email", "first_name", "last_name"]

export const BUSINESS_CUSTOMER_ORDERABLE_FIELDS = [
  ...META_ORDER_COLUMNS,
  ...CUSTOMER_ORDER_COLUMNS.map((column) => `customer.${column}`),
]

export type BusinessCustomerSearch = {
  /** Only verified (true) or unverified (false) businesses; both when absent. */
  verified?: boolean
  /** Only these tax ID statuses. */
  tax_id_status?: TaxIdStatus[]
  /** Only flagged (VIES said invalid while verified) or unflagged businesses. */
  tax_id_flagged?: boolean
  /**
   * Part of the company name, the tax ID or the customer's email
   * (case-insensitive). Tax IDs are stored compact, so "DE 136 695" also
   * finds DE136695976.
   */
  q?: string
  /** Medusa's order object (`req.queryConfig.pagination.order`). */
  order?: Record<string, unknown>
  skip: number
  take: number
}

/** `%q%` with LIKE's own wildcards taken literally. */
const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** ORDER BY terms from Medusa's order object; only known columns get through. */
function orderBy(order: Record<string, unknown> = {}) {
  const terms: [string, "asc" | "desc"][] = []
  const direction = (value: unknown) =>
    String(value).toUpperCase() === "DESC" ? ("desc" as const) : ("asc" as const)
  for (const [key, value] of Object.entries(order)) {
    if (key === "customer" && value && typeof value === "object") {
      for (const [column, dir] of Object.entries(value)) {
        if (CUSTOMER_ORDER_COLUMNS.includes(column)) {
          terms.push([`c.${column}`, direction(dir)])
        }
      }
    } else if (META_ORDER_COLUMNS.includes(key)) {
      terms.push([`cm.${key}`, direction(value)])
    }
  }
  // A stable page order whatever the sort key.
  terms.push(["cm.id", terms[0]?.[1] ?? "desc"])
  return terms
}

/**
 * One page of business customers and how many match, in one SQL statement:
 * `customer_meta` joined with Medusa's `customer` table, so `q` matches the
 * company name, the tax ID or the email together, with no cap on how many
 * emails match. Both modules live in Medusa's one database (DESIGN §7), the
 * condition Query's own cross-module filtering relies on; Query can't OR a
 * linked module's column with the root's own, hence the join here.
 * Returns the ids in page order; the caller reads their fields with Query.
 */
export async function findBusinessCustomers(
  knex: Knex,
  search: BusinessCustomerSearch
): Promise<{ ids: string[]; count: number }> {
  const terms = orderBy(search.order)
  const matched = knex("customer_meta as cm")
    .leftJoin("customer as c", function () {
      this.on("c.id", "=", "cm.customer_id").andOnNull("c.deleted_at")
    })
    .whereNull("cm.deleted_at")
    .where("cm.account_type", "business")
    .select(
      "cm.id",
      ...terms.map(([column], i) => knex.ref(column).as(`sort_${i}`))
    )
  if (search.verified !== undefined) {
    matched.where("cm.is_verified", search.verified)
  }
  if (search.tax_id_status) {
    matched.whereIn("cm.tax_id_status", search.tax_id_status)
  }
  if (search.tax_id_flagged !== undefined) {
    matched[search.tax_id_flagged ? "whereNotNull" : "whereNull"]("cm.tax_id_flagged_at")
  }
  if (search.q) {
    const pattern = containsPattern(search.q)
    const compact = search.q.toUpperCase().replace(/[\s.-]+/g, "")
    matched.where((where) => {
      where
        .whereILike("cm.company_name", pattern)
        .orWhereILike("cm.tax_id", pattern)
        .orWhereILike("c.email", pattern)
      if (compact && compact !== search.q) {
        where.orWhereILike("cm.tax_id", containsPattern(compact))
      }
    })
  }

  const page = knex("matched")
    .select("id")
    .orderBy(terms.map(([, order], i) => ({ column: `sort_${i}`, order, nulls: "last" as const })))
    .limit(search.take)
    .offset(search.skip)

  // The count survives an offset past the end: the page joins onto it.
  const rows: { count: number; id: string | null }[] = await knex
    .with("matched", matched)
    .select(knex.raw("(select count(*) from matched)::int as count"), "page.id")
    .from(knex.raw("(select 1) as one"))
    .leftJoin(page.as("page"), knex.raw("true"))

  return {
    ids: rows.flatMap((row) => (row.id ? [row.id] : [])),
    count: rows[0]?.count ?? 0,
  }
}
