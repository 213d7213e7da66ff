import {
  authenticate,
  validateAndTransformQuery,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import * as StoreCustomerQueryConfig from "@medusajs/medusa/api/store/customers/query-config"
import { StoreGetCustomerParams } from "@medusajs/medusa/api/store/customers/validators"

/**
 * Lets `GET /store/customers/me?fields=*customer_meta` return the role.
 * Core's query validation has already run (core middlewares come first), so
 * it is run again with the link's field allowed.
 */
const allowCustomerMetaField = (
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) => {
  req.allowed = [...(req.allowed ?? []), "customer_meta"]
  next()
}

export const storeCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/customers/sync-role",
    // An identity fresh from sign-in has no customer yet.
    middlewares: [
      authenticate("customer", ["session", "bearer"], {
        allowUnregistered: true,
      }),
    ],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/sync-role/:id",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/me",
    middlewares: [
      allowCustomerMetaField,
      validateAndTransformQuery(
        StoreGetCustomerParams,
        StoreCustomerQueryConfig.retrieveTransformQueryConfig
      ),
    ],
  },
]
