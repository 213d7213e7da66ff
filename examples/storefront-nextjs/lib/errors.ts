/** A readable message for a failed Medusa call (the SDK throws FetchError with the server's message and status). */
export function errorMessage(err: unknown): string {
  const status = (err as { status?: unknown })?.status;
  const message = err instanceof Error ? err.message : String(err);
  return typeof status === "number" ? `${message} (HTTP ${status})` : message;
}
