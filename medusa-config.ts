import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The repository runs as a Medusa app for development and tests: the
 * plugin's own src/ (routes, workflows, links, subscribers, admin) loads as
 * the app's, and its modules and auth provider are registered here the way a
 * host registers them from the installed package.
 */
const clerkOptions = {
  // Every value falls back to its CLERK_* environment variable.
  accountTypeSource: (process.env.ROLE_SYNC_ACCOUNT_TYPE_SOURCE ||
    "unsafe_metadata") as "unsafe_metadata" | "public_metadata",
  businessGroupName: process.env.ROLE_SYNC_BUSINESS_GROUP_NAME,
  // JSON, e.g. {"org:viewer":"member","org:purchaser":"buyer"}.
  organizationRoles: process.env.ROLE_SYNC_ORGANIZATION_ROLES
    ? (JSON.parse(process.env.ROLE_SYNC_ORGANIZATION_ROLES) as Record<
        string,
        "admin" | "buyer" | "member"
      >)
    : undefined,
}

// Unset in tests and single-instance development: in-process modules serve.
const redisUrl = process.env.REDIS_URL

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:3000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors:
        process.env.AUTH_CORS || "http://localhost:3000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
      authMethodsPerActor: {
        user: ["emailpass"],
        customer: ["clerk", "emailpass"],
      },
    },
  },
  admin: {
    disable: process.env.ADMIN_DISABLED === "true",
  },
  modules: [
    { resolve: "./src/modules/customer-meta", options: clerkOptions },
    { resolve: "./src/modules/clerk", options: clerkOptions },
    { resolve: "./src/modules/quote" },
    { resolve: "./src/modules/company", options: clerkOptions },
    // VIES options (vies, autoVerify) fall back to ROLE_SYNC_VIES_* and
    // ROLE_SYNC_AUTO_VERIFY, read when the module starts.
    { resolve: "./src/modules/vies" },
    { resolve: "./src/modules/tax-id-check" },
    // With REDIS_URL (several instances sharing PostgreSQL and Redis):
    // Medusa's Redis event bus, workflow engine and locking provider instead
    // of the in-process defaults, which are correct on one instance only.
    ...(redisUrl
      ? [
          {
            resolve: "@medusajs/medusa/event-bus-redis",
            options: { redisUrl },
          },
          {
            resolve: "@medusajs/medusa/workflow-engine-redis",
            options: { redis: { redisUrl } },
          },
          {
            resolve: "@medusajs/medusa/locking",
            options: {
              providers: [
                {
                  resolve: "@medusajs/medusa/locking-redis",
                  id: "locking-redis",
                  is_default: true,
                  options: { redisUrl },
                },
              ],
            },
          },
        ]
      : []),
    // Medusa's Caching Module (behind its feature flag): guards then serve a
    // customer's role from cache. In-memory on one instance; Redis (shared by
    // every instance, so a verify on one is seen by all) with REDIS_URL.
    ...(process.env.MEDUSA_FF_CACHING === "true"
      ? [
          {
            resolve: "@medusajs/medusa/caching",
            options: redisUrl
              ? {
                  providers: [
                    {
                      resolve: "@medusajs/medusa/caching-redis",
                      id: "caching-redis",
                      is_default: true,
                      options: { redisUrl },
                    },
                  ],
                }
              : { in_memory: { enable: true } },
          },
        ]
      : []),
    {
      resolve: "@medusajs/medusa/auth",
      dependencies: ["logger"],
      options: {
        providers: [
          { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
          {
            resolve: "./src/providers/clerk",
            id: "clerk",
            options: clerkOptions,
          },
        ],
      },
    },
  ],
})
