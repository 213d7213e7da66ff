/**
 * Query keys per resource, shaped like the dashboard's: `all` for anything
 * of the resource, `lists()` / `list(query)` for list pages, `details()` /
 * `detail(id)` for one record. Invalidating `lists()` refreshes every page
 * and filter of a list; `all` refreshes everything of the resource.
 *
 * Every scope sits under one prefix, so the plugin's keys never collide with
 * the dashboard's own ("customers", "orders", ...) or another plugin's.
 */
const PREFIX = "role-sync" as const

export const createQueryKeys = <TScope extends string, TListQuery = unknown>(scope: TScope) => {
  const all = [PREFIX, scope] as const
  const lists = () => [...all, "list"] as const
  const details = () => [...all, "detail"] as const

  return {
    all,
    lists,
    list: (query?: TListQuery) =>
      query === undefined ? lists() : ([...lists(), { query }] as const),
    details,
    detail: (id: string) => [...details(), id] as const,
  }
}

/**
 * Dashboard keys a verification change makes stale: the customer page (its
 * groups section) and customer group pages, because verified businesses
 * join the "Verified businesses" group. These are the dashboard's own
 * prefixes, invalidated as a whole.
 */
export const dashboardCustomerQueryKeys = [["customers"], ["customer_groups"]] as const
