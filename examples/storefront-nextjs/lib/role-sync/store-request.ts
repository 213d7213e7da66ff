/**
 * A failed call to the Medusa backend, with what its error body says:
 * `{ type, code?, message }` (Medusa's shape; the plugin adds `code`).
 * `@medusajs/js-sdk` keeps only the message and status, so the sign-in
 * sequence uses this small client to be able to branch on `code`.
 */
export class StoreRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly type?: string
  ) {
    super(message);
    this.name = "StoreRequestError";
  }
}

type StoreRequestOptions = {
  method?: "GET" | "POST";
  /** Medusa JWT for `Authorization: Bearer`; none is sent otherwise. */
  token?: string | null;
  body?: unknown;
};

/** JSON request to the backend with the publishable key; a non-2xx answer throws StoreRequestError. */
export async function storeRequest<T>(
  backendUrl: string,
  publishableKey: string,
  path: string,
  { method = "POST", token, body }: StoreRequestOptions = {}
): Promise<T> {
  const headers: Record<string, string> = {
    accept: "application/json",
    "x-publishable-api-key": publishableKey,
  };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;

  const res = await fetch(`${backendUrl.replace(/\/+$/, "")}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const message = typeof data.message === "string" && data.message ? data.message : res.statusText || "Request failed";
    throw new StoreRequestError(
      message,
      res.status,
      typeof data.code === "string" ? data.code : undefined,
      typeof data.type === "string" ? data.type : undefined
    );
  }
  return data as T;
}
