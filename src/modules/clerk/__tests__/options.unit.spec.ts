import { generateKeyPairSync } from "node:crypto"
import { assertClerkOptions, resolveClerkOptions } from "../options"
import { assertClerkReadyToServe, recordClerkOptions } from "../serving-check"

const pem = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .publicKey.export({ type: "spki", format: "pem" })
  .toString()

// Strict resolution, as the server checks before serving.
const resolveRoleSyncOptions = (options: any, env: NodeJS.ProcessEnv) =>
  assertClerkOptions(resolveClerkOptions(options, env))

describe("resolveClerkOptions", () => {
  const base = { secretKey: "sk_test_1", authorizedParties: ["https://shop.example"] }

  it("names the missing secret key", () => {
    expect(() => resolveRoleSyncOptions({ authorizedParties: ["https://a.example"] }, {})).toThrow(
      /missing option "secretKey" \(or env CLERK_SECRET_KEY\)/
    )
  })

  it("names the missing authorized parties", () => {
    expect(() => resolveRoleSyncOptions({ secretKey: "sk" }, {})).toThrow(/missing option "authorizedParties"/)
  })

  it("rejects an authorized party that is not an origin", () => {
    expect(() => resolveRoleSyncOptions({ ...base, authorizedParties: ["shop"] }, {})).toThrow(/not an origin/)
  })

  it("falls back to the environment, splitting comma-separated parties and un-escaping a one-line PEM", () => {
    const options = resolveRoleSyncOptions(
      {},
      {
        CLERK_SECRET_KEY: "sk_env",
        CLERK_AUTHORIZED_PARTIES: "https://a.example, https://b.example",
        CLERK_JWT_KEY: pem.replace(/\n/g, "\\n"),
        CLERK_API_URL: "http://127.0.0.1:9999/",
        CLERK_ISSUER: "https://clerk.a.example",
        CLERK_WEBHOOK_SIGNING_SECRET: "whsec_x",
        CLERK_API_TIMEOUT_MS: "750",
      }
    )
    expect(options).toEqual({
      secretKey: "sk_env",
      authorizedParties: ["https://a.example", "https://b.example"],
      jwtKey: pem.trim(),
      apiUrl: "http://127.0.0.1:9999",
      issuer: "https://clerk.a.example",
      webhookSigningSecret: "whsec_x",
      apiTimeoutMs: 750,
      accountTypeSource: "unsafe_metadata",
    })
  })

  it("prefers explicit options over the environment", () => {
    const options = resolveRoleSyncOptions(base, { CLERK_SECRET_KEY: "sk_env", CLERK_AUTHORIZED_PARTIES: "https://env.example" })
    expect(options.secretKey).toBe("sk_test_1")
    expect(options.authorizedParties).toEqual(["https://shop.example"])
  })

  it.each([
    [{ jwtKey: "not a pem" }, /"jwtKey"/],
    [
      {
        jwtKey: generateKeyPairSync("ec", { namedCurve: "P-256" })
          .publicKey.export({ type: "spki", format: "pem" })
          .toString(),
      },
      /"jwtKey".*RSA/,
    ],
    [{ apiTimeoutMs: 0 }, /"apiTimeoutMs"/],
    [{ apiTimeoutMs: Number.NaN }, /"apiTimeoutMs"/],
    [{ apiUrl: "nope" }, /"apiUrl"/],
    [{ accountTypeSource: "private_metadata" as any }, /"accountTypeSource"/],
  ])("rejects %p", (extra, message) => {
    expect(() => resolveRoleSyncOptions({ ...base, ...extra }, {})).toThrow(message)
  })
})

describe("keys are needed to serve, not to load", () => {
  it("resolves without any key and lists every problem instead of throwing", () => {
    const { problems, options } = resolveClerkOptions({}, {})
    expect(options.secretKey).toBe("")
    expect(problems).toEqual([
      expect.stringMatching(/missing option "secretKey" \(or env CLERK_SECRET_KEY\)/),
      expect.stringMatching(/missing option "authorizedParties"/),
    ])
  })

  it("refuses to serve with a recorded problem, naming every option", () => {
    recordClerkOptions(resolveClerkOptions({}, {}))
    expect(() => assertClerkReadyToServe()).toThrow(
      /medusa-plugin-role-sync: missing option "secretKey".*; missing option "authorizedParties"/
    )
    recordClerkOptions(resolveClerkOptions({ secretKey: "sk", authorizedParties: "https://a.example" }, {}))
    expect(() => assertClerkReadyToServe()).not.toThrow()
  })
})
