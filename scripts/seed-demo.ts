/**
 * Demo data for local development: `medusa exec ./scripts/seed-demo.ts`
 * (run by `npm run dev`). Lives outside src/ so it never ships in the plugin.
 *
 * Idempotent: every step looks for what it would create and only creates
 * what is missing, so running `npm run dev` again changes nothing.
 *
 * Env (set by scripts/dev.mjs):
 *   SEED_ADMIN_EMAIL, SEED_ADMIN_PASSWORD  admin login to create if missing
 *   SEED_OUTPUT_FILE                       where to write the facts (JSON)
 *   ROLE_SYNC_BUSINESS_GROUP_NAME          the plugin's businessGroupName, if changed
 *
 * What the demo is for: the "Verified businesses" customer group gets a
 * price list, so once an admin verifies a business its carts are priced
 * lower than an individual's, by Medusa's own pricing.
 */
import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  FeatureFlag,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createDefaultsWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createApiKeysWorkflow,
  createCustomerGroupsWorkflow,
  createPriceListPricesWorkflow,
  createPriceListsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

const REGION_NAME = "Europe"
const COUNTRIES = ["de", "at", "fr", "nl", "be", "it", "es"]
const LOCATION_NAME = "Demo Warehouse"
const FULFILLMENT_SET_NAME = "Demo Warehouse shipping"
const SHIPPING_OPTION_NAME = "Standard Shipping"
const API_KEY_TITLE = "Demo Storefront"
const STOCK_PER_VARIANT = 10_000
// The plugin's default businessGroupName; the dev app passes
// ROLE_SYNC_BUSINESS_GROUP_NAME to the plugin when it is set.
const BUSINESS_GROUP_NAME = process.env.ROLE_SYNC_BUSINESS_GROUP_NAME || "Verified businesses"
const BUSINESS_PRICE_LIST_TITLE = "Business prices"

// Fasteners: the kind of thing both individuals and businesses buy, in
// single units and in bulk boxes (good for the B2B quote/bulk-order demos).
// `eur` is the list price, `businessEur` the verified businesses' price
// (EUR, major unit, as Medusa stores amounts).
const PRODUCTS = [
  {
    title: "Hex Bolt M8",
    handle: "hex-bolt-m8",
    description: "Zinc-plated hex bolt, M8 x 40 mm, strength class 8.8.",
    variants: [
      { pack: "Single", sku: "BOLT-M8", eur: 0.35, businessEur: 0.29 },
      { pack: "Box of 100", sku: "BOLT-M8-100", eur: 24.9, businessEur: 19.9 },
    ],
  },
  {
    title: "Hex Nut M8",
    handle: "hex-nut-m8",
    description: "Zinc-plated hex nut, M8, class 8.",
    variants: [
      { pack: "Single", sku: "NUT-M8", eur: 0.12, businessEur: 0.09 },
      { pack: "Box of 100", sku: "NUT-M8-100", eur: 8.9, businessEur: 6.9 },
    ],
  },
  {
    title: "Washer M8",
    handle: "washer-m8",
    description: "Flat steel washer for M8 bolts, DIN 125.",
    variants: [
      { pack: "Single", sku: "WASHER-M8", eur: 0.05, businessEur: 0.04 },
      { pack: "Box of 100", sku: "WASHER-M8-100", eur: 3.9, businessEur: 2.9 },
    ],
  },
]

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const said = (what: string, created: boolean) =>
    logger.info(`[seed] ${what}: ${created ? "created" : "already there"}`)

  // --- Store, default sales channel (Medusa's own idempotent defaults) ---
  const { result: store } = await createDefaultsWorkflow(container).run()
  const storeModule = container.resolve(Modules.STORE)
  const [storeRow] = await storeModule.listStores(
    { id: store!.id },
    { relations: ["supported_currencies"] }
  )
  const salesChannelId = storeRow.default_sales_channel_id!

  // --- Region (EUR) ---
  const regionModule = container.resolve(Modules.REGION)
  let [region] = await regionModule.listRegions({ name: REGION_NAME })
  if (!region) {
    ;[region] = await regionModule.listRegions({ currency_code: "eur" })
  }
  said(`region "${REGION_NAME}" (EUR)`, !region)
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: REGION_NAME,
            currency_code: "eur",
            countries: COUNTRIES,
            payment_providers: ["pp_system_default"],
          },
        ],
      },
    })
    region = result[0]
  }

  // EUR as the store's default currency, the region as its default region;
  // other currencies the store already supports are kept.
  const currencies = storeRow.supported_currencies ?? []
  const eurIsDefault = currencies.some((c) => c.currency_code === "eur" && c.is_default)
  const storeNeedsUpdate = !eurIsDefault || storeRow.default_region_id !== region.id
  if (storeNeedsUpdate) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: storeRow.id },
        update: {
          supported_currencies: [
            { currency_code: "eur", is_default: true },
            ...currencies
              .filter((c) => c.currency_code !== "eur")
              .map((c) => ({ currency_code: c.currency_code, is_default: false })),
          ],
          default_region_id: region.id,
        },
      },
    })
  }
  said("store default currency EUR + default region", storeNeedsUpdate)

  // --- Tax regions (system provider, 0 % until someone adds rates) ---
  const taxModule = container.resolve(Modules.TAX)
  const existingTax = await taxModule.listTaxRegions({
    country_code: COUNTRIES,
    parent_id: null,
  } as any)
  const missingTax = COUNTRIES.filter(
    (c) => !existingTax.some((t) => t.country_code === c)
  )
  if (missingTax.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missingTax.map((country_code) => ({ country_code, provider_id: "tp_system" })),
    })
  }
  said(`tax regions (${COUNTRIES.join(", ")})`, missingTax.length > 0)

  // --- Stock location, linked to the sales channel and manual fulfillment ---
  const stockModule = container.resolve(Modules.STOCK_LOCATION)
  let [location] = await stockModule.listStockLocations({ name: LOCATION_NAME })
  said(`stock location "${LOCATION_NAME}"`, !location)
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: LOCATION_NAME,
            address: { address_1: "Lagerstraße 1", city: "Berlin", country_code: "DE", postal_code: "10115" },
          },
        ],
      },
    })
    location = result[0]
  }
  const {
    data: [locationLinks],
  } = await query.graph({
    entity: "stock_location",
    fields: ["id", "sales_channels.id", "fulfillment_providers.id", "fulfillment_sets.id", "fulfillment_sets.name"],
    filters: { id: location.id },
  })
  if (!locationLinks.sales_channels?.some((sc: any) => sc?.id === salesChannelId)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannelId] },
    })
  }
  if (!locationLinks.fulfillment_providers?.some((p: any) => p?.id === "manual_manual")) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
  }

  // --- Shipping: default profile, a fulfillment set for the EU countries,
  // one flat-rate option, so a cart can be checked out end to end ---
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  let [profile] = await fulfillmentModule.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
  }
  let [fulfillmentSet] = await fulfillmentModule.listFulfillmentSets(
    { name: FULFILLMENT_SET_NAME },
    { relations: ["service_zones"] }
  )
  said("fulfillment set + shipping option", !fulfillmentSet)
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
      name: FULFILLMENT_SET_NAME,
      type: "shipping",
      service_zones: [
        {
          name: REGION_NAME,
          geo_zones: COUNTRIES.map((country_code) => ({ country_code, type: "country" as const })),
        },
      ],
    })
  }
  if (!locationLinks.fulfillment_sets?.some((f: any) => f?.id === fulfillmentSet.id)) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
  }
  const serviceZoneId = fulfillmentSet.service_zones[0].id
  const options = await fulfillmentModule.listShippingOptions({
    service_zone: { id: serviceZoneId },
    name: SHIPPING_OPTION_NAME,
  } as any)
  if (!options.length) {
    await createShippingOptionsWorkflow(container).run({
      input: [
        {
          name: SHIPPING_OPTION_NAME,
          price_type: "flat",
          provider_id: "manual_manual",
          service_zone_id: serviceZoneId,
          shipping_profile_id: profile.id,
          type: { label: "Standard", description: "Ships in 2-3 days.", code: "standard" },
          prices: [
            { currency_code: "eur", amount: 5 },
            { region_id: region.id, amount: 5 },
          ],
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" },
            { attribute: "is_return", value: "false", operator: "eq" },
          ],
        },
      ],
    })
  }

  // --- Publishable API key linked to the sales channel ---
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "token", "title", "revoked_at", "sales_channels.id"],
    filters: { type: "publishable" },
  })
  const live = keys.filter((k: any) => !k.revoked_at)
  let apiKey: any =
    live.find((k: any) => k.title === API_KEY_TITLE) ??
    live.find((k: any) => k.sales_channels?.some((sc: any) => sc?.id === salesChannelId))
  said("publishable API key", !apiKey)
  if (!apiKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: API_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    apiKey = { ...result[0], sales_channels: [] }
  }
  if (!apiKey.sales_channels?.some((sc: any) => sc?.id === salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: apiKey.id, add: [salesChannelId] },
    })
  }

  // --- Products (published, in the sales channel, EUR prices) ---
  const productModule = container.resolve(Modules.PRODUCT)
  const existingProducts = await productModule.listProducts({
    handle: PRODUCTS.map((p) => p.handle),
  })
  const missingProducts = PRODUCTS.filter(
    (p) => !existingProducts.some((e) => e.handle === p.handle)
  )
  if (missingProducts.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missingProducts.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: profile.id,
          options: [{ title: "Pack", values: p.variants.map((v) => v.pack) }],
          variants: p.variants.map((v) => ({
            title: v.pack,
            sku: v.sku,
            options: { Pack: v.pack },
            manage_inventory: true,
            prices: [{ currency_code: "eur", amount: v.eur }],
          })),
          sales_channels: [{ id: salesChannelId }],
        })),
      },
    })
  }
  said(
    `products (${PRODUCTS.map((p) => p.title).join(", ")})`,
    missingProducts.length > 0
  )

  // --- Inventory: stock every demo SKU at the demo location ---
  const skus = PRODUCTS.flatMap((p) => p.variants.map((v) => v.sku))
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku", "location_levels.location_id"],
    filters: { sku: skus },
  })
  const missingLevels = items.filter(
    (i: any) => !i.location_levels?.some((l: any) => l?.location_id === location.id)
  )
  if (missingLevels.length) {
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: missingLevels.map((i: any) => ({
          inventory_item_id: i.id,
          location_id: location.id,
          stocked_quantity: STOCK_PER_VARIANT,
        })),
      },
    })
  }
  said(`inventory levels (${STOCK_PER_VARIANT} each)`, missingLevels.length > 0)

  // --- Business prices: a price list on the "Verified businesses" group ---
  const businessPrices = await ensureBusinessPriceList(container, skus)
  said(
    `price list "${BUSINESS_PRICE_LIST_TITLE}" for group "${BUSINESS_GROUP_NAME}"`,
    businessPrices.created
  )

  // --- Admin user (what `medusa user -e … -p …` does, but skip if present) ---
  const adminEmail = process.env.SEED_ADMIN_EMAIL || "admin@example.test"
  const adminPassword = process.env.SEED_ADMIN_PASSWORD
  const admin = await ensureAdmin(container, adminEmail, adminPassword)
  said(`admin user ${adminEmail}`, admin.created)

  const facts = {
    publishableKey: apiKey.token,
    salesChannelId,
    regionId: region.id,
    stockLocationId: location.id,
    admin: { email: adminEmail, created: admin.created, passwordSet: admin.passwordSet },
    skus,
    businessGroupId: businessPrices.groupId,
    businessPriceListId: businessPrices.priceListId,
    // EUR, major unit: what an individual pays and what a verified business pays.
    prices: Object.fromEntries(
      PRODUCTS.flatMap((p) => p.variants.map((v) => [v.sku, { list: v.eur, business: v.businessEur }]))
    ),
  }
  if (process.env.SEED_OUTPUT_FILE) {
    fs.mkdirSync(path.dirname(process.env.SEED_OUTPUT_FILE), { recursive: true })
    fs.writeFileSync(process.env.SEED_OUTPUT_FILE, JSON.stringify(facts, null, 2) + "\n")
  }
  logger.info(`[seed] done; publishable key ${apiKey.token}`)
}

/**
 * Creates the admin user and its emailpass identity when missing. When the
 * user exists already its password is left alone (passwordSet: false).
 */
async function ensureAdmin(container: ExecArgs["container"], email: string, password?: string) {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)

  let [user] = await userModule.listUsers({ email })
  const created = !user
  if (!user) {
    // Same role logic as `medusa user`: super admin when RBAC is on.
    let roles: string[] = []
    if (FeatureFlag.isFeatureEnabled("rbac")) {
      const rbac: any = container.resolve(Modules.RBAC as any)
      const superAdmin = await rbac.listRbacRoles({ id: "role_super_admin" })
      if (superAdmin.length) roles = [superAdmin[0].id]
    }
    const { result } = await createUsersWorkflow(container).run({
      input: { users: [{ email, ...(roles.length ? { roles } : {}) } as any] },
    })
    user = result[0]
  }

  const identities = await authModule.listProviderIdentities({
    provider: "emailpass",
    entity_id: email,
  })
  if (identities.length) return { created, passwordSet: false }
  if (!password) {
    throw new Error(`SEED_ADMIN_PASSWORD is required to create the login for ${email}`)
  }
  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email, password },
  } as any)
  if (error || !authIdentity) throw new Error(`Could not register ${email}: ${error}`)
  await authModule.updateAuthIdentities({
    id: authIdentity.id,
    app_metadata: { user_id: user.id },
  })
  return { created, passwordSet: true }
}

/**
 * Makes sure the business customer group exists (the plugin creates it on the
 * first verification too; both look it up by name) and carries an active
 * override price list with every demo variant's `businessEur`. Variants
 * missing from an existing list are added; prices already there are kept,
 * so an admin's edits survive a re-run.
 * Returns { groupId, priceListId, created } (created: anything was added).
 */
async function ensureBusinessPriceList(container: ExecArgs["container"], skus: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const customerModule = container.resolve(Modules.CUSTOMER)
  let created = false

  let [group] = await customerModule.listCustomerGroups({ name: BUSINESS_GROUP_NAME })
  if (!group) {
    const { result } = await createCustomerGroupsWorkflow(container).run({
      input: { customersData: [{ name: BUSINESS_GROUP_NAME }] },
    })
    group = result[0]
    created = true
  }

  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku"],
    filters: { sku: skus },
  })
  const businessEur = new Map(
    PRODUCTS.flatMap((p) => p.variants.map((v) => [v.sku, v.businessEur] as const))
  )
  const wanted = variants.map((v: any) => ({
    variant_id: v.id as string,
    currency_code: "eur",
    amount: businessEur.get(v.sku)!,
  }))

  const { data: lists } = await query.graph({
    entity: "price_list",
    fields: ["id", "title", "prices.id", "prices.price_set.variant.id"],
    filters: { title: BUSINESS_PRICE_LIST_TITLE },
  })
  let priceList: any = lists[0]
  if (!priceList) {
    const { result } = await createPriceListsWorkflow(container).run({
      input: {
        price_lists_data: [
          {
            title: BUSINESS_PRICE_LIST_TITLE,
            description: `Prices for the "${BUSINESS_GROUP_NAME}" customer group (set by the demo seed)`,
            type: "override",
            status: "active",
            rules: { "customer.groups.id": [group.id] },
            prices: wanted,
          } as any,
        ],
      },
    })
    return { groupId: group.id, priceListId: result[0].id, created: true }
  }

  const priced = new Set(
    (priceList.prices ?? []).map((p: any) => p?.price_set?.variant?.id).filter(Boolean)
  )
  const missing = wanted.filter((p) => !priced.has(p.variant_id))
  if (missing.length) {
    await createPriceListPricesWorkflow(container).run({
      input: { data: [{ id: priceList.id, prices: missing }] },
    })
    created = true
  }
  return { groupId: group.id, priceListId: priceList.id, created }
}
