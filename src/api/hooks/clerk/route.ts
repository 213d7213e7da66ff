import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { verifyWebhook } from "@clerk/backend/webhooks"
import { CLERK_MODULE } from "../../../modules/clerk"
import { describeClerkPayloadIssues } from "../../../modules/clerk/clerk-user"
import type ClerkModuleService from "../../../modules/clerk/service"
import {
  CLERK_WEBHOOK_EVENT_TYPES,
  ClerkWebhookEvent,
} from "../../../modules/clerk/webhook-event"
import { isRoleSyncError, RoleSyncErrorCodes } from "../../../utils/errors"
import { clerkWebhookHandlers, type ClerkWebhookOutcome } from "./event-handlers"
import { CLERK_WEBHOOK_PATH } from "./middlewares"

const PREFIX = "medusa-plugin-role-sync: Clerk webhook"

// Deliveries Clerk would send the same way again: a retry can't succeed.
const NEVER_APPLICABLE = new Set<string>([
  RoleSyncErrorCodes.INVALID_METADATA,
  RoleSyncErrorCodes.ACCOUNT_CONFLICT,
  RoleSyncErrorCodes.EMAIL_NOT_VERIFIED,
])

/**
 * `POST /hooks/clerk`: verify → dispatch → answer.
 *
 * - `@clerk/backend`'s `verifyWebhook` checks the Svix signature over the raw
 *   body, the headers and the ±5-minute window (`401` naming the reason). No
 *   configured secret → `503`: unsigned events are never accepted.
 * - The event is parsed with one schema (src/modules/clerk/webhook-event.ts)
 *   and handed to its workflow (./event-handlers.ts).
 * - Whatever can never be applied (unknown type, a malformed payload,
 *   invalid metadata or text, an email another customer holds, an email not
 *   verified yet, any event for a deleted Clerk user) answers `200` with
 *   `ignored` and a log line, so Clerk stops retrying.
 * - Only a failure of the store itself answers `503`, so Svix retries.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const logger = req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const clerk: ClerkModuleService = req.scope.resolve(CLERK_MODULE)
  const { webhookSigningSecret } = clerk.getOptions()

  if (!webhookSigningSecret) {
    logger.error(
      `${PREFIX}: webhookSigningSecret is not configured (plugin option "webhookSigningSecret" or env CLERK_WEBHOOK_SIGNING_SECRET); the delivery was refused`
    )
    res.setHeader("Retry-After", "300")
    res.status(503).json({
      type: "unexpected_state",
      code: "webhook_not_configured",
      message:
        "webhookSigningSecret is not configured on this store: set CLERK_WEBHOOK_SIGNING_SECRET to the endpoint's signing secret from the Clerk dashboard. The event was not processed.",
    })
    return
  }

  const raw: unknown = req.rawBody
  if (!(Buffer.isBuffer(raw) || typeof raw === "string") || !raw.length) {
    res.status(400).json({
      type: "invalid_data",
      message: "Expected the Clerk event as a JSON body (Content-Type: application/json)",
    })
    return
  }

  let event: unknown
  try {
    event = await verifyWebhook(
      new Request(`http://localhost${CLERK_WEBHOOK_PATH}`, {
        method: "POST",
        headers: req.headers as Record<string, string>,
        // The exact bytes Clerk signed.
        body: typeof raw === "string" ? raw : new Uint8Array(raw),
      }),
      { signingSecret: webhookSigningSecret }
    )
  } catch (e) {
    const reason = String((e as Error)?.message ?? "unknown error")
      .replace(/^@clerk\/backend: /, "")
      .replace(/^Unable to verify incoming webhook: /, "")
    logger.warn(`${PREFIX}: rejected a delivery (${reason})`)
    res.status(401).json({ type: "unauthorized", message: `Invalid webhook signature: ${reason}` })
    return
  }

  const type = typeof (event as { type?: unknown })?.type === "string"
    ? ((event as { type: string }).type)
    : "(no type)"
  const answer = (outcome: ClerkWebhookOutcome) => {
    const { level, ...body } = outcome
    if (body.ignored) {
      logger[level ?? "warn"](`${PREFIX}: ${type} ignored: ${body.ignored}`)
    }
    res.status(200).json({ received: true, type, ...body })
  }

  if (!(CLERK_WEBHOOK_EVENT_TYPES as string[]).includes(type)) {
    return answer({ ignored: "unhandled event type", level: "info" })
  }
  const parsed = ClerkWebhookEvent.safeParse(event)
  if (!parsed.success) {
    return answer({
      ignored: `malformed ${type} payload: ${describeClerkPayloadIssues(parsed.error.issues, "")}`.replace(": .", ": "),
    })
  }

  try {
    const handler = clerkWebhookHandlers[parsed.data.type] as (
      scope: typeof req.scope,
      event: ClerkWebhookEvent
    ) => Promise<ClerkWebhookOutcome>
    return answer(await handler(req.scope, parsed.data))
  } catch (e) {
    if (isRoleSyncError(e, RoleSyncErrorCodes.EMAIL_NOT_VERIFIED)) {
      // Clerk sends user.updated once the email is verified.
      return answer({ ignored: "email not verified yet", level: "info" })
    }
    if (isRoleSyncError(e) && NEVER_APPLICABLE.has(e.code)) {
      return answer({ ignored: `${e.code.replace(/_/g, " ")}: ${e.message}` })
    }
    logger.error(`${PREFIX}: ${type} failed; Clerk will retry the delivery`, e as Error)
    res.setHeader("Retry-After", "30")
    res.status(503).json({
      type: "unexpected_state",
      code: "webhook_processing_failed",
      message: `The ${type} event could not be processed now; nothing was changed. Clerk retries the delivery.`,
    })
  }
}
