// A Medusa host app as `create-medusa-app` makes it (its starter cannot be
// downloaded here, so the files are written), at one Medusa version, with
// the plugin installed from its packed tarball the way a store would:
// `npm install ./medusa-plugin-role-sync-<version>.tgz`.
//
// The host also has what a store adds to use the plugin: the `clerk` auth
// provider in medusa-config.ts and one route of its own guarded with
// `requireVerifiedBusiness()` from `medusa-plugin-role-sync/guards`.
import fs from "node:fs"
import path from "node:path"

/** The route the host guards with the plugin's guard. */
export const GUARDED_ROUTE = "/store/wholesale"

/**
 * Writes the host app into `dir` (created; must not exist or be empty).
 * `medusaVersion`: every @medusajs/* package of the host; `uiVersion`: the
 * @medusajs/ui that this Medusa release's dashboard pins; `tarball`: the
 * packed plugin (absolute path).
 */
export function writeHostApp({ dir, medusaVersion, uiVersion, tarball }) {
  fs.mkdirSync(dir, { recursive: true })
  if (fs.readdirSync(dir).length) throw new Error(`${dir} is not empty`)
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), text)
  }

  // The shape of create-medusa-app's package.json: admin-sdk, cli, framework
  // and medusa at one version, TypeScript tooling to load medusa-config.ts.
  write(
    "package.json",
    JSON.stringify(
      {
        name: `role-sync-compat-host-${medusaVersion.replace(/\./g, "-")}`,
        version: "0.0.1",
        private: true,
        license: "MIT",
        scripts: {
          build: "medusa build",
          start: "medusa start",
          dev: "medusa develop",
        },
        dependencies: {
          "@medusajs/admin-sdk": medusaVersion,
          "@medusajs/cli": medusaVersion,
          "@medusajs/framework": medusaVersion,
          "@medusajs/medusa": medusaVersion,
          "@medusajs/ui": uiVersion,
          "medusa-plugin-role-sync": `file:${tarball}`,
        },
        devDependencies: {
          "@swc/core": "1.16.22",
          "@types/node": "20.19.43",
          "ts-node": "10.9.2",
          typescript: "5.9.3",
        },
        engines: { node: ">=20" },
      },
      null,
      2
    ) + "\n"
  )

  write(
    "tsconfig.json",
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2021",
          esModuleInterop: true,
          module: "Node16",
          moduleResolution: "Node16",
          emitDecoratorMetadata: true,
          experimentalDecorators: true,
          skipLibCheck: true,
          skipDefaultLibCheck: true,
          declaration: false,
          sourceMap: false,
          inlineSourceMap: true,
          outDir: "./.medusa/server",
          rootDir: "./",
          jsx: "react-jsx",
          forceConsistentCasingInFileNames: true,
          resolveJsonModule: true,
          checkJs: false,
          strictNullChecks: true,
        },
        "ts-node": { swc: true },
        include: ["**/*", ".medusa/types/*"],
        exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
      },
      null,
      2
    ) + "\n"
  )

  // What the README tells a store to add.
  write(
    "medusa-config.ts",
    `import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:3000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:3000,http://localhost:9000",
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
  plugins: [
    {
      resolve: "medusa-plugin-role-sync",
      options: {},
    },
  ],
  modules: [
    {
      resolve: "@medusajs/medusa/auth",
      dependencies: ["logger"],
      options: {
        providers: [
          { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
          { resolve: "medusa-plugin-role-sync/providers/clerk", id: "clerk", options: {} },
        ],
      },
    },
  ],
})
`
  )

  write(
    "src/api/middlewares.ts",
    `import { authenticate, defineMiddlewares } from "@medusajs/framework/http"
import { requireVerifiedBusiness } from "medusa-plugin-role-sync/guards"

export default defineMiddlewares({
  routes: [
    {
      matcher: "${GUARDED_ROUTE}*",
      middlewares: [authenticate("customer", ["session", "bearer"]), requireVerifiedBusiness()],
    },
  ],
})
`
  )
  write(
    `src/api${GUARDED_ROUTE}/route.ts`,
    `import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"

// Reached only by verified businesses (see src/api/middlewares.ts).
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ wholesale: true, customer_id: req.auth_context.actor_id })
}
`
  )
  write(".gitignore", "node_modules/\n.medusa/\n.env\n.role-sync-dev/\n")
}
