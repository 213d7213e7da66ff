// Debian's Chromium driven by playwright-core (no bundled browser download).
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

export class MissingBrowserError extends Error {}

/** Fails early, with the fix, when Chromium or playwright-core is missing. */
export function checkBrowserPrerequisites(root) {
  const executablePath = process.env.CHROME_PATH || "/usr/bin/chromium"
  try {
    fs.accessSync(executablePath, fs.constants.X_OK)
  } catch {
    throw new MissingBrowserError(
      `No Chromium at ${executablePath}. Install Debian's Chromium with:\n` +
        `    apt-get update && apt-get install -y chromium\n` +
        `or point CHROME_PATH at a Chrome/Chromium executable.`
    )
  }
  const require = createRequire(path.join(root, "package.json"))
  try {
    require.resolve("playwright-core")
  } catch {
    throw new MissingBrowserError(`playwright-core is not installed: run "npm ci" (it is a devDependency).`)
  }
  return { executablePath }
}

export async function launchBrowser(root, executablePath) {
  const require = createRequire(path.join(root, "package.json"))
  const { chromium } = require("playwright-core")
  const browser = await chromium.launch({
    executablePath,
    // playwright adds its own --headless; the flags are passed as given too.
    headless: true,
    args: CHROMIUM_FLAGS,
  })
  const context = await browser.newContext({
    viewport: { width: 1440, height: 960 },
    locale: "en-US",
    timezoneId: "UTC",
  })
  context.setDefaultTimeout(30_000)
  context.setDefaultNavigationTimeout(60_000)
  return { browser, context }
}

/**
 * Counts the page's requests in flight, so a screenshot can wait until the
 * admin has its data (react-query refetches after a mutation, lazy chunks).
 */
export function trackNetwork(page) {
  let inFlight = 0
  let lastChange = Date.now()
  const change = (delta) => {
    inFlight = Math.max(0, inFlight + delta)
    lastChange = Date.now()
  }
  page.on("request", () => change(1))
  page.on("requestfinished", () => change(-1))
  page.on("requestfailed", () => change(-1))
  return { idleFor: () => (inFlight === 0 ? Date.now() - lastChange : 0) }
}

/**
 * Waits until the page has settled: no request in flight for `quietMs`, no
 * CSS animation or transition running (dialogs and toasts fade in), and no
 * loading skeleton left. Gives up after `timeoutMs` and says what was busy.
 */
export async function settle(page, network, { quietMs = 400, timeoutMs = 15_000 } = {}) {
  const deadline = Date.now() + timeoutMs
  let busy = ""
  while (Date.now() < deadline) {
    busy = await page.evaluate(() => {
      const running = document.getAnimations().filter((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity)
      if (running.length) return `${running.length} animation(s)`
      const skeletons = document.querySelectorAll('[aria-busy="true"], .animate-pulse')
      return skeletons.length ? `${skeletons.length} skeleton(s)` : ""
    })
    if (!busy && network.idleFor() >= quietMs) return
    await page.waitForTimeout(100)
  }
  throw new Error(`the page did not settle within ${timeoutMs} ms (${busy || "requests in flight"})`)
}

/**
 * Numbered screenshots in `dir`, taken once the page has settled, of the
 * whole content: the admin scrolls inside its main column, not the window,
 * so a "full page" screenshot would stop at the viewport. The viewport is
 * made as tall as the tallest scrolled content for the shot, then restored.
 */
export function screenshotter(dir, network) {
  fs.mkdirSync(dir, { recursive: true })
  for (const old of fs.readdirSync(dir)) if (old.endsWith(".png")) fs.rmSync(path.join(dir, old))
  let n = 0
  return async (page, name, { settled = true } = {}) => {
    n += 1
    const file = path.join(dir, `${String(n).padStart(2, "0")}-${name}.png`)
    if (settled && network) await settle(page, network)
    const viewport = page.viewportSize()
    const overflow = await page.evaluate(() => {
      let extra = 0
      for (const el of document.querySelectorAll("body *")) {
        const style = getComputedStyle(el)
        if (!/(auto|scroll)/.test(style.overflowY) || el.clientHeight < 200) continue
        extra = Math.max(extra, el.scrollHeight - el.clientHeight)
      }
      return extra
    })
    if (viewport && overflow > 0) {
      await page.setViewportSize({ width: viewport.width, height: Math.min(viewport.height + overflow, 6000) })
      await page.waitForTimeout(150)
    }
    try {
      await page.screenshot({ path: file, fullPage: true, animations: "disabled" })
    } finally {
      if (viewport && overflow > 0) await page.setViewportSize(viewport)
    }
    return file
  }
}
