import type { DataTableFilteringState, DataTablePaginationState } from "@medusajs/ui"
import { useCallback, useMemo, useRef, useState } from "react"
import { useSearchParams } from "react-router-dom"

/** How a filter's value is kept in the URL: one value, or a comma-separated list. */
export type UrlFilterKind = "single" | "multiple"

type Options = {
  pageSize: number
  /** The DataTable filter ids and how each is kept. */
  filters: Record<string, UrlFilterKind>
  /** Prefix of the URL parameters, for a second table on the same page. */
  prefix?: string
}

/**
 * The state of a DataTable (search, filters, page) kept in the page's URL, as
 * the dashboard's lists do: going back from a detail page, reloading or
 * sharing the link shows the same list. `?q=acme&verified=true&offset=20`.
 *
 * Every change of search or filters returns to the first page in the same
 * URL update. A filter just added from the filter menu has no value yet: it
 * lives in component state (the DataTable needs it to open its picker) and
 * reaches the URL once it has one. The DataTable may call several handlers in one tick (page
 * reset, then the filter); each builds on the latest URL, not on the one of
 * the last render.
 */
export const useDataTableUrlState = ({ pageSize, filters, prefix }: Options) => {
  const [searchParams, setSearchParams] = useSearchParams()
  const latest = useRef(searchParams)
  latest.current = searchParams

  const param = useCallback((name: string) => (prefix ? `${prefix}_${name}` : name), [prefix])

  const update = useCallback(
    (apply: (params: URLSearchParams) => void) => {
      const next = new URLSearchParams(latest.current)
      apply(next)
      latest.current = next
      setSearchParams(next, { replace: true })
    },
    [setSearchParams]
  )

  const search = searchParams.get(param("q")) ?? ""
  const offset = Math.max(0, Math.floor(Number(searchParams.get(param("offset"))) || 0))

  const [emptyFilters, setEmptyFilters] = useState<DataTableFilteringState>({})

  const filterKinds = JSON.stringify(filters)
  const filtering = useMemo<DataTableFilteringState>(() => {
    const state: DataTableFilteringState = { ...emptyFilters }
    for (const [id, kind] of Object.entries(JSON.parse(filterKinds) as Record<string, UrlFilterKind>)) {
      const raw = searchParams.get(param(id))
      if (!raw) {
        continue
      }
      state[id] = kind === "multiple" ? raw.split(",").filter(Boolean) : raw
    }
    return state
  }, [searchParams, filterKinds, param, emptyFilters])

  const onSearchChange = useCallback(
    (value: string) =>
      update((params) => {
        const trimmed = value.trim()
        trimmed ? params.set(param("q"), value) : params.delete(param("q"))
        params.delete(param("offset"))
      }),
    [update, param]
  )

  const onFilteringChange = useCallback(
    (state: DataTableFilteringState) => {
      const empty: DataTableFilteringState = {}
      update((params) => {
        for (const id of Object.keys(JSON.parse(filterKinds))) {
          const value = state[id]
          const text = Array.isArray(value) ? value.join(",") : typeof value === "string" ? value : ""
          text ? params.set(param(id), text) : params.delete(param(id))
          if (!text && id in state) {
            empty[id] = value
          }
        }
        params.delete(param("offset"))
      })
      setEmptyFilters(empty)
    },
    [update, param, filterKinds]
  )

  const pagination: DataTablePaginationState = {
    pageIndex: Math.floor(offset / pageSize),
    pageSize,
  }

  const onPaginationChange = useCallback(
    (state: DataTablePaginationState) =>
      update((params) => {
        const nextOffset = state.pageIndex * state.pageSize
        nextOffset > 0 ? params.set(param("offset"), String(nextOffset)) : params.delete(param("offset"))
      }),
    [update, param]
  )

  return {
    search,
    onSearchChange,
    filtering,
    onFilteringChange,
    pagination,
    onPaginationChange,
    /** The list query's `limit` and `offset`. */
    limit: pageSize,
    offset: pagination.pageIndex * pageSize,
  }
}
