import { Skeleton } from "@medusajs/ui"

/** Placeholder rows of a detail section while its data loads. */
export const DetailRowsSkeleton = ({ rows = 4 }: { rows?: number }) => (
  <div className="divide-y" aria-busy="true" aria-label="Loading">
    {Array.from({ length: rows }, (_, index) => (
      <div key={index} className="grid grid-cols-2 items-center px-6 py-4">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-4 w-40" />
      </div>
    ))}
  </div>
)
