// customer_meta scan counters from pg_stat_user_tables / _indexes.
// PostgreSQL backends flush their counters when idle, at most once a second,
// else after up to 10 s: wait for that before reading an "after" value.
import { sleep } from "../../integration-tests/multi-instance/harness.mjs"

export async function readScanStats(pg, table = "customer_meta") {
  await pg.query("SELECT pg_stat_clear_snapshot()")
  const {
    rows: [t],
  } = await pg.query(
    "SELECT coalesce(seq_scan, 0)::bigint AS seq_scan, coalesce(idx_scan, 0)::bigint AS idx_scan, n_live_tup FROM pg_stat_user_tables WHERE relname = $1",
    [table]
  )
  const { rows: idx } = await pg.query(
    "SELECT indexrelname, coalesce(idx_scan, 0)::bigint AS idx_scan FROM pg_stat_user_indexes WHERE relname = $1",
    [table]
  )
  return {
    seq: Number(t.seq_scan),
    idx: Number(t.idx_scan),
    liveRows: Number(t.n_live_tup),
    byIndex: Object.fromEntries(idx.map((r) => [r.indexrelname, Number(r.idx_scan)])),
  }
}

/** Waits until the server's idle backends have flushed their counters. */
export async function settledScanStats(pg, { minWaitMs = 11_000 } = {}) {
  await sleep(minWaitMs)
  let last = await readScanStats(pg)
  for (let i = 0; i < 10; i++) {
    await sleep(1000)
    const now = await readScanStats(pg)
    if (now.seq === last.seq && now.idx === last.idx) return now
    last = now
  }
  return last
}

export function scanDelta(before, after) {
  const byIndex = {}
  for (const [name, n] of Object.entries(after.byIndex)) {
    const d = n - (before.byIndex[name] ?? 0)
    if (d) byIndex[name] = d
  }
  return { seq: after.seq - before.seq, idx: after.idx - before.idx, byIndex }
}
