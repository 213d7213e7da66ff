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
import { STORE_CUSTOMER_META_FIELDS } from "../../../types"
import { validateQuery } from "../../validation/validate-query"
import { retrieveStoreCustomerMetaQueryConfig } from "./query-config"
import { refuseCoreAccountForClerk } from "./refuse-core-account-for-clerk"
import { validateBody } from "../../validation/validate-body"
import { StoreSyncRoleBody } from "./sync-role/validators"
import { StoreGetCustomerMetaParams } from "./validators"

/** `?fields=` on the caller's role. */
const retrieveCustomerMeta = validateQuery(
  StoreGetCustomerMetaParams,
  retrieveStoreCustomerMetaQueryConfig
)

const STORE_META_FIELDS = STORE_CUSTOMER_META_FIELDS.map(
  (field) => `customer_meta.${field}`
)

/**
 * Lets `GET /store/customers/me?fields=*customer_meta` return the role, and
 * only what the customer may see of it (no Clerk user id, no admin id): the
 * star is expanded into the store's field list, the only ones allowed. Core's
 * query validation has already run (core middlewares come first), so it is
 * run again with these fields allowed.
 */
const allowCustomerMetaFields = (
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) => {
  const fields = req.query.fields
  if (typeof fields === "string") {
    req.query.fields = fields
      .split(",")
      .flatMap((field) => {
        const star = field.trim().match(/^([+-]?)(?:\*customer_meta|customer_meta\.\*)$/)
        return star ? STORE_META_FIELDS.map((f) => `${star[1]}${f}`) : [field]
      })
      .join(",")
  }
  req.allowed = [...(req.allowed ?? []), ...STORE_META_FIELDS]
  next()
}

export const storeCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/customers",
    middlewares: [refuseCoreAccountForClerk],
  },
  {
    methods: ["POST"],
    matcher: "/store/customers/sync-role",
    // An identity fresh from sign-in has no customer yet.
    middlewares: [
      authenticate("customer", ["session", "bearer"], {
        allowUnregistered: true,
      }),
      validateBody(StoreSyncRoleBody),
      retrieveCustomerMeta,
    ],
  },
  {
    methods: ["GET"],
    matcher: "/store/customers/sync-role/:id",
    middlewares: [authenticate("customer", ["session", "bearer"]), retrieveCustomerMeta],
  },
  {
    methods: ["GET"],
    matcher: "/store/customers/me",
    middlewares: [
      allowCustomerMetaFields,
      validateAndTransformQuery(
        StoreGetCustomerParams,
        StoreCustomerQueryConfig.retrieveTransformQueryConfig
      ),
    ],
  },
]
