import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

export type CatalogVariant = {
  id: string
  sku: string | null
  /** "Product / Variant", the line title a quote snapshots. */
  title: string
  published: boolean
  sales_channel_ids: string[]
}

const VARIANT_FIELDS = [
  "id",
  "sku",
  "title",
  "product.title",
  "product.status",
  "product.sales_channels.id",
]

const toCatalogVariant = (row: any): CatalogVariant => ({
  id: row.id,
  sku: row.sku ?? null,
  title: [row.product?.title, row.title].filter(Boolean).join(" / "),
  published: row.product?.status === ProductStatus.PUBLISHED,
  sales_channel_ids: (row.product?.sales_channels ?? [])
    .filter(Boolean)
    .map((sc: { id: string }) => sc.id),
})

/** Looks variants up by id and by SKU in at most two queries. */
export async function findCatalogVariants(
  container: MedusaContainer,
  { ids = [], skus = [] }: { ids?: string[]; skus?: string[] }
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fetch = async (filters: Record<string, string[]>): Promise<CatalogVariant[]> =>
    (await query.graph({ entity: "product_variant", fields: VARIANT_FIELDS, filters }))
      .data.map(toCatalogVariant)

  const none: CatalogVariant[] = []
  const [byIdRows, bySkuRows] = await Promise.all([
    ids.length ? fetch({ id: [...new Set(ids)] }) : none,
    skus.length ? fetch({ sku: [...new Set(skus)] }) : none,
  ])
  return {
    byId: new Map<string, CatalogVariant>(byIdRows.map((v) => [v.id, v])),
    bySku: new Map<string, CatalogVariant>(bySkuRows.map((v) => [v.sku as string, v])),
  }
}

/**
 * Why `variant` can't be sold through `salesChannelId`, or null when it can.
 * A draft product counts as unknown: the store doesn't sell it.
 */
export function unsellableReason(
  variant: CatalogVariant | undefined,
  ref: string,
  salesChannelId: string
): string | null {
  if (!variant || !variant.published) {
    return `${ref} does not exist or is not for sale`
  }
  if (!variant.sales_channel_ids.includes(salesChannelId)) {
    return `${ref} is not sold in this store's sales channel`
  }
  return null
}
