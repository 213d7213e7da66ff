import type { MiddlewareRoute } from "@medusajs/framework/http"
import { checkCartEntitlement } from "./check-cart-entitlement"
import {
  refuseQuotedCartPaymentCollection,
  refuseQuotedCartPaymentSession,
} from "./refuse-quoted-cart-payment"
import { refuseQuotedCartChanges } from "./refuse-quoted-cart-changes"
import { refuseQuotedCartTransfer } from "./refuse-quoted-cart-transfer"
import { refuseQuotedLineChanges } from "./refuse-quoted-line-changes"
import { refuseVerifiedBusinessEmail } from "./refuse-verified-business-email"

/**
 * Guards on Medusa's own store routes through which a cart with business or
 * quoted prices could change lines, change hands, be paid or complete
 * (DESIGN §9.1-9.3; the list is in the README). Middlewares only: the core
 * workflows' hooks belong to the host.
 */
export const storeCartRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/carts",
    middlewares: [refuseVerifiedBusinessEmail],
  },
  {
    methods: ["POST"],
    matcher: "/store/carts/:id",
    middlewares: [refuseVerifiedBusinessEmail, refuseQuotedCartChanges],
  },
  {
    // Add, update and delete a line; the wildcard also covers any bulk line
    // route a later Medusa adds under line-items.
    methods: ["POST", "PUT", "PATCH", "DELETE"],
    matcher: "/store/carts/:id/line-items*",
    middlewares: [refuseQuotedLineChanges],
  },
  {
    methods: ["POST"],
    matcher: "/store/carts/:id/customer",
    middlewares: [refuseQuotedCartTransfer],
  },
  {
    methods: ["POST"],
    matcher: "/store/carts/:id/complete",
    middlewares: [checkCartEntitlement],
  },
  {
    methods: ["POST"],
    matcher: "/store/payment-collections",
    middlewares: [refuseQuotedCartPaymentCollection],
  },
  {
    methods: ["POST"],
    matcher: "/store/payment-collections/:id/payment-sessions",
    middlewares: [refuseQuotedCartPaymentSession],
  },
]
