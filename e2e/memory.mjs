// Samples the memory of this process and all its descendants (Medusa,
// vite workers, Chromium's many processes) from /proc, twice a second.
// RSS sums count shared pages once per process (an upper bound); PSS splits
// shared pages between the processes that map them (closer to real use).
import fs from "node:fs"

const PAGE = 4096

function readChildrenMap() {
  const children = new Map()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      // pid (comm) state ppid ... ; comm may contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(entry))
    } catch {
      // the process ended while we looked
    }
  }
  return children
}

function treeOf(rootPid) {
  const children = readChildrenMap()
  const pids = []
  const queue = [rootPid]
  while (queue.length) {
    const pid = queue.shift()
    pids.push(pid)
    queue.push(...(children.get(pid) ?? []))
  }
  return pids
}

function usageOf(pid) {
  let rss = 0
  let pss = 0
  try {
    rss = Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * PAGE
  } catch {}
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8")
    const match = rollup.match(/^Pss:\s+(\d+) kB/m)
    if (match) pss = Number(match[1]) * 1024
  } catch {}
  return { rss, pss: pss || rss }
}

/** Starts sampling; `phase(name)` labels later samples; `stop()` returns the peaks. */
export function startMemorySampler({ intervalMs = 500 } = {}) {
  let phase = "setup"
  const peaks = { total: { rss: 0, pss: 0 }, phases: {} }
  const sample = () => {
    let rss = 0
    let pss = 0
    for (const pid of treeOf(process.pid)) {
      const usage = usageOf(pid)
      rss += usage.rss
      pss += usage.pss
    }
    const p = (peaks.phases[phase] ??= { rss: 0, pss: 0 })
    p.rss = Math.max(p.rss, rss)
    p.pss = Math.max(p.pss, pss)
    peaks.total.rss = Math.max(peaks.total.rss, rss)
    peaks.total.pss = Math.max(peaks.total.pss, pss)
  }
  const timer = setInterval(sample, intervalMs)
  timer.unref()
  sample()
  return {
    phase(name) {
      sample()
      phase = name
    },
    stop() {
      clearInterval(timer)
      sample()
      return peaks
    },
  }
}

export const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`
