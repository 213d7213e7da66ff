#!/usr/bin/env node
// `npm run check:pack`: `npm pack --dry-run` must list only what a host
// needs (the build in .medusa/server, bin/, dev/, README, LICENSE,
// CHANGELOG) and none of the tests, fixtures, config or scripts. Run after
// `npm run build`. Exits 1 naming every offending or missing path.
import { execFileSync } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { checkPackedFiles } from "./compat/pack-check.mjs"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
  cwd: ROOT,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
})
const [pack] = JSON.parse(out.slice(out.indexOf("[")))
const files = pack.files.map((f) => f.path)
const { problems } = checkPackedFiles(files)
const kb = (n) => `${(n / 1024).toFixed(0)} kB`
if (problems.length) {
  console.error(`npm pack --dry-run: ${problems.length} problem(s) in ${pack.filename}:\n  ${problems.join("\n  ")}`)
  process.exit(1)
}
console.log(`npm pack --dry-run: ${pack.filename}, ${files.length} files, ${kb(pack.size)} packed / ${kb(pack.unpackedSize)} unpacked; no tests, fixtures, config or scripts.`)
