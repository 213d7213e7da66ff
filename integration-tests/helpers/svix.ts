import crypto from "node:crypto"

/** A signing secret in Clerk's format: `whsec_` + base64 of random bytes. */
export const createSvixSecret = (bytes = 24) =>
  `whsec_${crypto.randomBytes(bytes).toString("base64")}`

export type SvixHeaders = {
  "svix-id": string
  "svix-timestamp": string
  "svix-signature": string
}

/**
 * Signs a delivery the way Svix signs Clerk's webhooks: key = base64-decoded
 * secret after `whsec_`; signature = `v1,` + base64(HMAC-SHA256(key,
 * `${id}.${timestampSeconds}.${body}`)). `body` must be the exact string sent.
 */
export function signSvix(
  secret: string,
  body: string,
  {
    id = `msg_${crypto.randomBytes(12).toString("hex")}`,
    timestamp = Math.floor(Date.now() / 1000),
  }: { id?: string; timestamp?: number } = {}
): SvixHeaders {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64")
  const signature = crypto
    .createHmac("sha256", key)
    .update(`${id}.${timestamp}.${body}`)
    .digest("base64")
  return {
    "svix-id": id,
    "svix-timestamp": String(timestamp),
    "svix-signature": `v1,${signature}`,
  }
}

/** A Clerk `user.*` event envelope, as Clerk sends it. */
export const clerkEvent = (type: string, data: unknown) => ({
  data,
  event_attributes: { http_request: { client_ip: "127.0.0.1", user_agent: "test" } },
  instance_id: "ins_test",
  object: "event",
  timestamp: Date.now(),
  type,
})
