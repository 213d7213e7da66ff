import {
  createApiKeysWorkflow,
  createSalesChannelsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"

export type HttpResult<T = any> = { status: number; data: T; headers: any }

/** Real HTTP against the test server; never throws on a status. */
export function httpClient(api: AxiosInstance) {
  return async <T = any>(
    method: "GET" | "POST" | "DELETE",
    url: string,
    { body, token, pk, headers = {} }: { body?: unknown; token?: string; pk?: string; headers?: Record<string, string> } = {}
  ): Promise<HttpResult<T>> => {
    const res = await api.request({
      method,
      url,
      data: body,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(pk ? { "x-publishable-api-key": pk } : {}),
        ...headers,
      },
      validateStatus: () => true,
    })
    return { status: res.status, data: res.data, headers: res.headers }
  }
}

export const decodeJwt = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString())

/** A sales channel and a publishable key bound to it. */
export async function createStoreContext(container: MedusaContainer) {
  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Webshop" }] },
  })
  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: {
      api_keys: [{ title: "Storefront", type: "publishable", created_by: "test" }],
    },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKey.id, add: [salesChannel.id] },
  })
  return { salesChannelId: salesChannel.id, publishableKey: apiKey.token }
}

/**
 * An admin signed in the way the dashboard signs in: emailpass register,
 * a user bound to the identity, then a login for a user token.
 */
export async function createAdminToken(
  api: AxiosInstance,
  container: MedusaContainer,
  email = "admin@example.test"
) {
  const http = httpClient(api)
  const password = "supersecret-admin-1"
  const registered = await http("POST", "/auth/user/emailpass/register", {
    body: { email, password },
  })
  const authIdentityId = decodeJwt(registered.data.token).auth_identity_id
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId, userData: { email } },
  })
  const login = await http("POST", "/auth/user/emailpass", {
    body: { email, password },
  })
  return { token: login.data.token as string, userId: user.id as string }
}

/** A customer registered with Medusa's own emailpass flow. */
export async function registerEmailpassCustomer(
  api: AxiosInstance,
  pk: string,
  email: string
) {
  const http = httpClient(api)
  const password = "supersecret-customer-1"
  const registered = await http("POST", "/auth/customer/emailpass/register", {
    body: { email, password },
  })
  const created = await http("POST", "/store/customers", {
    token: registered.data.token,
    pk,
    body: { email },
  })
  const login = await http("POST", "/auth/customer/emailpass", {
    body: { email, password },
  })
  return { customerId: created.data.customer.id as string, token: login.data.token as string }
}

/**
 * Records events as a real subscriber on the app's event bus would see them
 * (subscribers run after the emitting workflow succeeds).
 */
export function collectEvents(container: MedusaContainer, names: string[]) {
  const { Modules } = require("@medusajs/framework/utils")
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const seen: { name: string; data: any }[] = []
  const handlers = names.map((name) => {
    const handler = async (event: { name?: string; data: any }) => {
      seen.push({ name, data: event.data })
    }
    const subscriberId = `test-collector-${name}-${Math.random()}`
    eventBus.subscribe(name, handler, { subscriberId })
    return [name, handler, subscriberId] as const
  })
  return {
    seen,
    names: () => seen.map((e) => e.name),
    clear: () => (seen.length = 0),
    stop: () =>
      handlers.forEach(([name, handler, subscriberId]) =>
        eventBus.unsubscribe(name, handler, { subscriberId })
      ),
  }
}

/** Local event-bus subscribers run asynchronously: let them finish. */
export const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms))
