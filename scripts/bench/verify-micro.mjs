// In-process micro-benchmark of session-token verification: the plugin's
// SessionTokenVerifier (PEM parsed once, jose) against @clerk/backend's
// verifyToken with jwtKey (which imports the PEM again on every call).
// The verifier is loaded from src/ with ts-node (transpile only, SWC), so no
// build is needed.
import path from "node:path"
import { createRequire } from "node:module"
import { ROOT, STOREFRONT_ORIGIN, standIn } from "../../integration-tests/multi-instance/harness.mjs"
import { percentile } from "./load.mjs"

const require = createRequire(import.meta.url)

function loadVerifier() {
  require("ts-node").register({
    transpileOnly: true,
    swc: true,
    project: path.join(ROOT, "tsconfig.json"),
    compilerOptions: { module: "commonjs", moduleResolution: "node" },
  })
  return require(path.join(ROOT, "src/modules/clerk/session-token-verifier.ts")).SessionTokenVerifier
}

async function measure(fn, iterations) {
  const samples = new Array(iterations)
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) {
    const s = process.hrtime.bigint()
    await fn()
    samples[i] = Number(process.hrtime.bigint() - s) / 1000
  }
  const totalS = Number(process.hrtime.bigint() - t0) / 1e9
  return { samples, totalS }
}

export async function verifyMicroBenchmark({ iterations = 3000, rounds = 3, warmup = 300 } = {}) {
  const SessionTokenVerifier = loadVerifier()
  const { verifyToken } = require("@clerk/backend")
  const keys = standIn.createClerkKeyPair()
  const now = Math.floor(Date.now() / 1000)
  const token = standIn.signSessionToken(keys, { sub: "user_2bench", azp: STOREFRONT_ORIGIN, iat: now - 1, nbf: now - 1, exp: now + 3600 })

  const verifier = new SessionTokenVerifier({
    jwtKey: keys.publicKeyPem,
    secretKey: "sk_test_bench",
    apiUrl: "http://127.0.0.1:9",
    authorizedParties: [STOREFRONT_ORIGIN],
    apiTimeoutMs: 1000,
  })
  const candidates = {
    "SessionTokenVerifier.verify (plugin; key imported once)": () => verifier.verify(token),
    "@clerk/backend verifyToken({ jwtKey }) (key imported per call)": () => verifyToken(token, { jwtKey: keys.publicKeyPem, authorizedParties: [STOREFRONT_ORIGIN] }),
  }
  // Both must accept the token, or the comparison means nothing.
  for (const [name, fn] of Object.entries(candidates)) {
    const claims = await fn()
    if (claims?.sub !== "user_2bench") throw new Error(`${name} did not verify the token: ${JSON.stringify(claims)}`)
  }
  const all = Object.fromEntries(Object.keys(candidates).map((k) => [k, { samples: [], totalS: 0 }]))
  for (const fn of Object.values(candidates)) for (let i = 0; i < warmup; i++) await fn()
  // Interleaved rounds, so that neither side gets the quieter moment.
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(candidates)) {
      const { samples, totalS } = await measure(fn, iterations)
      all[name].samples.push(...samples)
      all[name].totalS += totalS
    }
  }
  return Object.entries(all).map(([name, { samples, totalS }]) => {
    samples.sort((a, b) => a - b)
    return { name, ops: samples.length, opsPerSec: samples.length / totalS, medianUs: percentile(samples, 50), p99Us: percentile(samples, 99) }
  })
}
