import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

export type SeededVariant = {
  id: string
  sku: string
  title: string
  product_id: string
  product_title: string
  /** EUR price in major units, as Medusa stores it. */
  price: number
}

export type SeededCatalog = {
  regionId: string
  currencyCode: "eur"
  countries: string[]
  stockLocationId: string
  salesChannelId: string
  /** A second channel, NOT bound to the caller's publishable key. */
  otherSalesChannelId: string
  /** Stock per variant at the stock location. */
  stockedQuantity: number
  /** Published, in `salesChannelId`, stocked: keyed by SKU. */
  variants: Record<string, SeededVariant>
  /** Published and stocked, but only in `otherSalesChannelId`. */
  otherChannelVariant: SeededVariant
  /** In `salesChannelId` but its product is a draft (not for sale). */
  draftVariant: SeededVariant
}

export const CATALOG_SKUS = {
  boltShort: "BOLT-M8-20",
  boltLong: "BOLT-M8-40",
  wrap: "WRAP-500",
  crate: "CRATE-XL",
  draft: "DRAFT-PROTO",
} as const

const STOCKED_QUANTITY = 1_000_000

/**
 * A small sellable catalog, built only with Medusa's own workflows: an EUR
 * region (de, fr) with tax regions, a stock location serving the caller's
 * sales channel, published products in that channel with SKUs, EUR prices
 * and managed inventory (1,000,000 in stock each), plus a second channel
 * whose product the caller's key must not reach and a draft product.
 *
 * The test database is restored before every test, so call this in
 * `beforeEach` (after `createStoreContext`). API kept stable: other specs
 * (price lists) reuse it.
 */
export async function seedCatalog(
  container: MedusaContainer,
  { salesChannelId }: { salesChannelId: string }
): Promise<SeededCatalog> {
  const countries = ["de", "fr"]

  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [{ name: "Europe", currency_code: "eur", countries }],
    },
  })
  await createTaxRegionsWorkflow(container).run({
    input: countries.map((country_code) => ({
      country_code,
      provider_id: "tp_system",
    })),
  })

  const {
    result: [otherSalesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Wholesale desk" }] },
  })

  const {
    result: [stockLocation],
  } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        {
          name: "Main warehouse",
          address: { address_1: "Lagerstraße 1", city: "Berlin", country_code: "de" },
        },
      ],
    },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: stockLocation.id, add: [salesChannelId, otherSalesChannel.id] },
  })

  const product = (
    title: string,
    handle: string,
    channelId: string,
    variants: { title: string; sku: string; price: number }[],
    status: ProductStatus = ProductStatus.PUBLISHED
  ) => ({
    title,
    handle,
    status,
    sales_channels: [{ id: channelId }],
    options: [{ title: "Variant", values: variants.map((v) => v.title) }],
    variants: variants.map((v) => ({
      title: v.title,
      sku: v.sku,
      manage_inventory: true,
      options: { Variant: v.title },
      prices: [{ amount: v.price, currency_code: "eur" }],
    })),
  })

  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        product("Steel bolt M8", "steel-bolt-m8", salesChannelId, [
          { title: "20 mm", sku: CATALOG_SKUS.boltShort, price: 10 },
          { title: "40 mm", sku: CATALOG_SKUS.boltLong, price: 12.5 },
        ]),
        product("Pallet wrap", "pallet-wrap", salesChannelId, [
          { title: "500 mm", sku: CATALOG_SKUS.wrap, price: 24.99 },
        ]),
        product("Crate XL", "crate-xl", otherSalesChannel.id, [
          { title: "Standard", sku: CATALOG_SKUS.crate, price: 80 },
        ]),
        product(
          "Prototype",
          "prototype",
          salesChannelId,
          [{ title: "Default", sku: CATALOG_SKUS.draft, price: 5 }],
          ProductStatus.DRAFT
        ),
      ],
    },
  })

  // Inventory items come from createProductsWorkflow (manage_inventory);
  // stock them at the location so carts pass Medusa's inventory check.
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variantRows } = await query.graph({
    entity: "product_variant",
    fields: [
      "id",
      "sku",
      "title",
      "product_id",
      "product.title",
      "prices.amount",
      "prices.currency_code",
      "inventory_items.inventory_item_id",
    ],
    filters: { product_id: products.map((p) => p.id) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variantRows.flatMap((v: any) =>
        (v.inventory_items ?? []).map((link: any) => ({
          location_id: stockLocation.id,
          inventory_item_id: link.inventory_item_id,
          stocked_quantity: STOCKED_QUANTITY,
        }))
      ),
    },
  })

  const bySku: Record<string, SeededVariant> = {}
  for (const v of variantRows as any[]) {
    bySku[v.sku] = {
      id: v.id,
      sku: v.sku,
      title: v.title,
      product_id: v.product_id,
      product_title: v.product.title,
      price: Number(v.prices.find((p: any) => p.currency_code === "eur").amount),
    }
  }

  const { [CATALOG_SKUS.crate]: crate, [CATALOG_SKUS.draft]: draft, ...sellable } = bySku
  return {
    regionId: region.id,
    currencyCode: "eur",
    countries,
    stockLocationId: stockLocation.id,
    salesChannelId,
    otherSalesChannelId: otherSalesChannel.id,
    stockedQuantity: STOCKED_QUANTITY,
    variants: sellable,
    otherChannelVariant: crate,
    draftVariant: draft,
  }
}
