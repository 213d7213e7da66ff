// A bounded closed-loop load generator: `total` requests, `concurrency`
// in flight, keep-alive connections on loopback. Reports req/s and latency
// percentiles; counts any status other than the expected one as an error.
import { request } from "../../integration-tests/multi-instance/harness.mjs"

export function percentile(sorted, p) {
  if (!sorted.length) return NaN
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[idx]
}

/**
 * `makeRequest(i)` returns { method, path, token?, pk?, body? } for request i.
 * Returns { total, ok, errors, firstError, seconds, rps, p50, p95, p99, max }.
 */
export async function runLoad({ baseUrl, total, concurrency, makeRequest, expectStatus = 200, warmup = 0 }) {
  let next = 0
  const run = async (count, record) => {
    const worker = async () => {
      while (true) {
        const i = next++
        if (i >= count) return
        const r = makeRequest(i)
        const t0 = process.hrtime.bigint()
        let status
        let data
        try {
          ;({ status, data } = await request(baseUrl, r.method, r.path, r))
        } catch (err) {
          status = `ERR ${err.code ?? err.message}`
        }
        const ms = Number(process.hrtime.bigint() - t0) / 1e6
        record?.(ms, status, data)
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
  }

  if (warmup) {
    next = 0
    await run(warmup)
  }
  const latencies = []
  let errors = 0
  let firstError
  next = 0
  const t0 = process.hrtime.bigint()
  await run(total, (ms, status, data) => {
    latencies.push(ms)
    if (status !== expectStatus) {
      errors++
      firstError ??= `${status} ${typeof data === "string" ? data.slice(0, 200) : JSON.stringify(data)?.slice(0, 200)}`
    }
  })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  latencies.sort((a, b) => a - b)
  return {
    total,
    ok: total - errors,
    errors,
    firstError,
    seconds,
    rps: total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
  }
}
