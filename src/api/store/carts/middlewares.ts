import type { MiddlewareRoute } from "@medusajs/framework/http"
import { refuseQuotedLineChanges } from "./refuse-quoted-line-changes"
import { refuseVerifiedBusinessEmail } from "./refuse-verified-business-email"

/** Guards on Medusa's own cart routes that keep business prices honest. */
export const storeCartRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/carts",
    middlewares: [refuseVerifiedBusinessEmail],
  },
  {
    methods: ["POST"],
    matcher: "/store/carts/:id",
    middlewares: [refuseVerifiedBusinessEmail],
  },
  {
    methods: ["POST", "DELETE"],
    matcher: "/store/carts/:id/line-items*",
    middlewares: [refuseQuotedLineChanges],
  },
]
