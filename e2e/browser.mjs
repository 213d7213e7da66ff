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

/** Numbered full-page screenshots in `dir`. */
export function screenshotter(dir) {
  fs.mkdirSync(dir, { recursive: true })
  for (const old of fs.readdirSync(dir)) if (old.endsWith(".png")) fs.rmSync(path.join(dir, old))
  let n = 0
  return async (page, name) => {
    n += 1
    const file = path.join(dir, `${String(n).padStart(2, "0")}-${name}.png`)
    await page.screenshot({ path: file, fullPage: true })
    return file
  }
}
