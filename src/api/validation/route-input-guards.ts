import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseUnsafeInput } from "./refuse-unsafe-input"

/**
 * Every route of the plugin, for the checks that run before anything else
 * reads the request (depth of body and query, ids in the path). Without
 * `methods`, Medusa runs these ahead of the routes' own middlewares. A new
 * plugin route adds its matcher here. (`/hooks/clerk` is left out: its
 * body is Svix-signed by Clerk and parsed by one schema.)
 */
export const PLUGIN_ROUTE_MATCHERS = [
  "/store/customers/sync-role*",
  "/store/quotes*",
  "/store/orders/create-bulk",
  "/admin/customers/verify",
  "/admin/customers/business",
  "/admin/customers/:id/tax-id*",
  "/admin/quotes*",
  "/store/companies*",
  "/admin/companies*",
]

export const pluginInputGuardMiddlewares: MiddlewareRoute[] = PLUGIN_ROUTE_MATCHERS.map(
  (matcher) => ({ matcher, middlewares: [refuseUnsafeInput] })
)
