// Child processes for the browser test: every long-lived one runs in its own
// process group (detached), so the whole tree (npm/medusa/vite workers) can
// be stopped with one signal, even when the test fails half-way.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"

const groups = new Set()

const groupAlive = (pgid) => {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/** SIGTERM to the group, SIGKILL after `graceMs`. Resolves when the group is gone. */
export async function stopGroup(pgid, graceMs = 10_000) {
  groups.delete(pgid)
  if (!groupAlive(pgid)) return
  try {
    process.kill(-pgid, "SIGTERM")
  } catch {}
  const deadline = Date.now() + graceMs
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(200)
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, "SIGKILL")
    } catch {}
    while (groupAlive(pgid)) await sleep(100)
  }
}

/** Stops every group this module started that is still running (last started first). */
export async function stopAllGroups() {
  for (const pgid of [...groups].reverse()) await stopGroup(pgid)
}

/**
 * Starts `command args` in a new process group with stdout/stderr appended to
 * `logFile`. Returns { child, pgid, exited } where `exited` resolves to
 * { code, signal }.
 */
export function spawnGroup(command, args, { cwd, env, logFile }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const out = fs.openSync(logFile, "a")
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", out, out] })
  fs.closeSync(out)
  groups.add(child.pid)
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }))
    child.once("error", (error) => resolve({ code: null, signal: null, error }))
  })
  exited.then(() => {
    // The leader exited; stop any stragglers of the group too.
    if (groupAlive(child.pid)) stopGroup(child.pid, 2000)
    else groups.delete(child.pid)
  })
  return { child, pgid: child.pid, exited }
}

/** Runs a command to completion in its own group; rejects with the log tail on failure. */
export async function runToCompletion(label, command, args, { cwd, env, logFile, timeoutMs = 15 * 60_000 }) {
  const { pgid, exited } = spawnGroup(command, args, { cwd, env, logFile })
  let timer
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ timedOut: true }), timeoutMs)
  })
  const result = await Promise.race([exited, timeout])
  clearTimeout(timer)
  if (result.timedOut) {
    await stopGroup(pgid)
    throw new Error(`${label} did not finish within ${timeoutMs / 1000} s; log: ${logFile}\n${tail(logFile)}`)
  }
  if (result.error) throw new Error(`${label} could not start: ${result.error.message}`)
  if (result.code !== 0) {
    throw new Error(`${label} failed (${result.signal ?? `exit code ${result.code}`}); log: ${logFile}\n${tail(logFile)}`)
  }
}

/** The last `lines` lines of a log file, for error messages. */
export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `url` until it answers `status` (default 200), the process exits, or time runs out. */
export async function waitForHttp(url, { exited, timeoutMs = 180_000, status = 200 } = {}) {
  let gone = false
  exited?.then(() => (gone = true))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (gone) return "exited"
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000), redirect: "manual" })
      if (res.status === status) return "ok"
    } catch {
      // not listening yet
    }
    await sleep(500)
  }
  return "timeout"
}
