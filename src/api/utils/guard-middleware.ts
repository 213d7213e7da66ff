import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { sendRoleSyncError } from "./role-sync-error-response"

/**
 * A middleware from a check: when `check` resolves the request goes on;
 * when it throws a plugin error (`roleSyncError`) the caller gets its
 * documented status and body (`{ type, code, message, ...details }`); any
 * other error goes to Medusa's error handler.
 */
export function guardMiddleware<Req extends MedusaRequest = MedusaRequest>(
  check: (req: Req) => Promise<void>
) {
  return async function roleSyncGuard(
    req: Req,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) {
    try {
      await check(req)
    } catch (e) {
      if (!sendRoleSyncError(e, res)) {
        next(e)
      }
      return
    }
    next()
  }
}
