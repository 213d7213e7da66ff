import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { verifyWebhook } from "@clerk/backend/webhooks"
import { CLERK_MODULE } from "../../../modules/clerk"
import type ClerkModuleService from "../../../modules/clerk/service"
import {
  ClerkUserPayloadError,
  clerkUserIdFromJson,
  clerkUserSnapshotFromJson,
} from "../../../modules/clerk/clerk-user"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import { RoleSyncErrorTypes } from "../../../utils/role-sync-error"
import {
  deleteClerkUserWorkflow,
  syncCustomerRoleWorkflow,
} from "../../../workflows/customer-meta"
import { CLERK_WEBHOOK_PATH } from "./middlewares"

const SVIX_HEADERS = ["svix-id", "svix-timestamp", "svix-signature"] as const

const PREFIX = "medusa-plugin-role-sync: Clerk webhook"

type WebhookResponse = {
  received: true
  type: string
  customer_id?: string | null
  changed?: boolean
  deleted?: boolean
  /** Why a verified delivery was accepted without applying anything. */
  ignored?: string
}

const header = (req: MedusaRequest, name: string): string | undefined => {
  const value = req.headers[name]
  return typeof value === "string" && value.trim() ? value.trim() : undefined
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * `POST /hooks/clerk`: Clerk's `user.created`, `user.updated` and
 * `user.deleted` events, delivered by Svix, keep `customer_meta` in step
 * without a sign-in.
 *
 * - Authentication is the Svix signature over the raw body (`401` when it is
 *   missing, wrong, for another secret, or older/newer than 5 minutes). No
 *   configured secret → `503`: unsigned events are never accepted.
 * - A signed but malformed payload → `400` naming the problem.
 * - Data Clerk will keep sending the same way (invalid metadata, an email
 *   that belongs to another registered customer) → `200` with `ignored`, and
 *   a warning in the log: a retry cannot succeed and a webhook never takes
 *   over an account.
 * - Replays and late deliveries are harmless: unchanged data writes nothing,
 *   data older than what was applied (Clerk's `updated_at`) is ignored, a
 *   deleted user stays deleted.
 * - Only a failure of the store itself (database, lock) answers `503`, so
 *   Svix retries the delivery.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const logger = req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const clerk: ClerkModuleService = req.scope.resolve(CLERK_MODULE)
  const { webhookSigningSecret, accountTypeSource } = clerk.getOptions()

  if (!webhookSigningSecret) {
    logger.error(
      `${PREFIX}: webhookSigningSecret is not configured (plugin option "webhookSigningSecret" or env CLERK_WEBHOOK_SIGNING_SECRET); the delivery was refused`
    )
    res.setHeader("Retry-After", "300")
    res.status(503).json({
      type: "webhook_not_configured",
      message:
        "webhookSigningSecret is not configured on this store: set CLERK_WEBHOOK_SIGNING_SECRET to the endpoint's signing secret from the Clerk dashboard. The event was not processed.",
    })
    return
  }

  const missing = SVIX_HEADERS.filter((name) => !header(req, name))
  if (missing.length) {
    res.status(401).json({
      type: "unauthorized",
      message: `Missing Svix signature header(s): ${missing.join(", ")}`,
    })
    return
  }

  const raw: unknown = req.rawBody
  if (!req.is("application/json") || !(Buffer.isBuffer(raw) || typeof raw === "string") || !raw.length) {
    res.status(400).json({
      type: "invalid_data",
      message: "Expected the Clerk event as a JSON body (Content-Type: application/json)",
    })
    return
  }

  let event: { type?: unknown; data?: unknown }
  try {
    event = await verifyWebhook(
      new Request(`http://localhost${CLERK_WEBHOOK_PATH}`, {
        method: "POST",
        headers: Object.fromEntries(
          SVIX_HEADERS.map((name) => [name, header(req, name) as string])
        ),
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
    res.status(401).json({
      type: "unauthorized",
      message: `Invalid webhook signature: ${reason}`,
    })
    return
  }

  // From here on the payload comes from Clerk: only its shape is in doubt.
  if (!isObject(event) || typeof event.type !== "string" || !event.type) {
    res.status(400).json({
      type: "invalid_data",
      message: "The event has no type",
    })
    return
  }
  const type = event.type
  const reply = (body: Omit<WebhookResponse, "received" | "type">) =>
    res.status(200).json({ received: true, type, ...body } satisfies WebhookResponse)
  const ignore = (
    reason: string,
    extra: Partial<WebhookResponse> = {},
    level: "warn" | "info" = "warn"
  ) => {
    logger[level](`${PREFIX}: ${type} ignored: ${reason}`)
    reply({ ...extra, ignored: reason })
  }

  try {
    switch (type) {
      case "user.created":
      case "user.updated": {
        const clerkUser = clerkUserSnapshotFromJson(event.data)

        if (await wasDeleted(req, clerkUser.id)) {
          return ignore(
            "the Clerk user was deleted; a late delivery does not bring it back",
            {},
            "info"
          )
        }

        const { result } = await syncCustomerRoleWorkflow(req.scope).run({
          input: {
            clerk_user: clerkUser,
            // The identity is bound at the customer's next sign-in + sync.
            auth_identity_id: null,
            account_type_source: accountTypeSource,
          },
        })
        if (result.stale) {
          return ignore(
            "stale: newer data of this Clerk user was already applied",
            { customer_id: result.customer_id, changed: false },
            "info"
          )
        }
        return reply({ customer_id: result.customer_id, changed: result.changed })
      }

      case "user.deleted": {
        const clerkUserId = clerkUserIdFromJson(event.data)
        const { result } = await deleteClerkUserWorkflow(req.scope).run({
          input: { clerk_user_id: clerkUserId },
        })
        if (!result.found) {
          return reply({
            deleted: false,
            ignored: "no customer is linked to this Clerk user",
          })
        }
        return reply({ customer_id: result.customer_id, deleted: true })
      }

      default:
        return reply({ ignored: "unhandled event type" })
    }
  } catch (e) {
    if (e instanceof ClerkUserPayloadError) {
      res.status(400).json({
        type: "invalid_data",
        message: `Malformed ${type} payload: ${e.message}`,
      })
      return
    }
    const errorType = (e as { type?: string })?.type
    if (errorType === RoleSyncErrorTypes.INVALID_METADATA) {
      return ignore(`invalid metadata: ${(e as Error).message}`)
    }
    if (errorType === RoleSyncErrorTypes.ACCOUNT_CONFLICT) {
      return ignore(`account conflict: ${(e as Error).message}`)
    }
    if (errorType === RoleSyncErrorTypes.EMAIL_NOT_VERIFIED) {
      // Clerk sends user.updated once the email is verified.
      return ignore("email not verified yet", {}, "info")
    }
    logger.error(`${PREFIX}: ${type} failed; Clerk will retry the delivery`, e as Error)
    res.setHeader("Retry-After", "30")
    res.status(503).json({
      type: "webhook_processing_failed",
      message: `The ${type} event could not be processed now; nothing was changed. Clerk retries the delivery.`,
    })
  }
}

/**
 * Clerk never reuses a user id, so a user whose role was removed by
 * `user.deleted` (only soft-deleted rows, no live one) is gone for good.
 */
async function wasDeleted(req: MedusaRequest, clerkUserId: string): Promise<boolean> {
  const metaService: CustomerMetaModuleService =
    req.scope.resolve(CUSTOMER_META_MODULE)
  const rows = await metaService.listCustomerMetas(
    { clerk_user_id: clerkUserId },
    { select: ["id", "deleted_at"], withDeleted: true }
  )
  return rows.length > 0 && rows.every((row) => !!row.deleted_at)
}
