// Paths and small helpers shared by scripts/dev.mjs and scripts/dev-token.mjs.
// Everything the dev tooling writes lives under .dev/ (git-ignored).
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
export const DEV_DIR = path.join(ROOT, ".dev")
export const PATHS = {
  state: path.join(DEV_DIR, "dev-state.json"),
  admin: path.join(DEV_DIR, "admin.json"),
  seed: path.join(DEV_DIR, "seed-result.json"),
  postgres: path.join(DEV_DIR, "postgres"),
  clerkDir: path.join(DEV_DIR, "clerk"),
  clerkKeys: path.join(DEV_DIR, "clerk", "keys.json"),
  clerkUsers: path.join(DEV_DIR, "clerk", "users.json"),
}

/**
 * Loads .env the way Medusa's loadEnv does for development (variables
 * already in the environment win), so `npm run dev` sees the same
 * configuration (DATABASE_URL, CLERK_*) that medusa-config.ts will.
 */
export function loadDotEnv() {
  const file = path.join(ROOT, ".env")
  if (fs.existsSync(file)) process.loadEnvFile(file)
}

/** The dev tooling generates keys and demo users: never in production. */
export function refuseInProduction(tool) {
  if (process.env.NODE_ENV === "production") {
    console.error(
      `\n${tool} is development tooling (local Clerk stand-in, demo data, dev keys) and refuses to run with NODE_ENV=production.\n` +
        `In production run "medusa build" and "medusa start" with real Clerk keys instead.\n`
    )
    process.exit(1)
  }
}

export function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch (err) {
    if (err.code === "ENOENT") return undefined
    throw new Error(`Cannot read ${path.relative(ROOT, file)}: ${err.message}`)
  }
}

/** Writes atomically (tmp + rename) so a crash never leaves half a file. */
export function writeJson(file, value, mode = 0o600) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2) + "\n", { mode })
  fs.renameSync(tmp, file)
}

export const rel = (file) => path.relative(ROOT, file)
