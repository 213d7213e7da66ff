import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ROLE_SYNC_ERROR_STATUS } from "../../types/errors"
import { isRoleSyncError } from "../../utils/errors"

/**
 * Writes a plugin error (`roleSyncError`) with its documented status:
 * `{ type, code, message, ...details }`. Medusa's error handler has no 422
 * or 503 and rewrites every 409's message, so the plugin's routes answer
 * these themselves; any other error is left to Medusa. Returns false when
 * `error` is not the plugin's.
 */
export function sendRoleSyncError(error: unknown, res: MedusaResponse): boolean {
  if (!isRoleSyncError(error) || res.headersSent) {
    return false
  }
  const status = ROLE_SYNC_ERROR_STATUS[error.code]
  if (status === 503) {
    res.setHeader("Retry-After", "5")
  }
  res.status(status).json({
    ...(error.details ?? {}),
    type: error.type,
    code: error.code,
    message: error.message,
  })
  return true
}

type Handler<Req extends MedusaRequest> = (
  req: Req,
  res: MedusaResponse,
  next?: MedusaNextFunction
) => Promise<unknown> | unknown

/**
 * Wraps a route handler of the plugin so its errors answer the statuses of
 * the API contract (the one place codes become 409/422/503/401).
 */
export function withRoleSyncErrors<Req extends MedusaRequest>(
  handler: Handler<Req>
): Handler<Req> {
  return async (req, res, next) => {
    try {
      return await handler(req, res, next)
    } catch (e) {
      if (!sendRoleSyncError(e, res)) {
        throw e
      }
    }
  }
}
