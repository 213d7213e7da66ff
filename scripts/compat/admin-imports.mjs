// The plugin's admin bundle is compiled by the host's own Vite against the
// host's @medusajs/ui, icons, admin-sdk, js-sdk, react-query and router.
// A component the host's versions lack would break the host's whole admin
// build ("X is not exported by Y"), so every named import of the bundle must
// exist in what the host resolves — checked without a full `medusa build`.
import fs from "node:fs"
import { createRequire } from "node:module"

/** [{ pkg, names: ["default" | named] }] from the bundle's static imports. */
export function bundleImports(source) {
  const imports = []
  const pattern = /^import\s+([^;]+?)\s+from\s+"([^"]+)"/gm
  for (const [, clause, pkg] of source.matchAll(pattern)) {
    const names = []
    const named = clause.match(/\{([^}]*)\}/)
    if (named) {
      for (const part of named[1].split(",")) {
        const name = part.trim().split(/\s+as\s+/)[0]
        if (name) names.push(name)
      }
    }
    const head = clause.replace(/\{[^}]*\}/, "").replace(/,/g, " ").trim()
    if (head && !head.startsWith("*")) names.push("default")
    imports.push({ pkg, names })
  }
  return imports
}

/**
 * Resolves every bundle import from the bundle's location in the host and
 * returns the missing ones: [{ pkg, name, resolved }] (name null when the
 * package itself cannot be resolved).
 */
export function missingAdminImports(bundlePath) {
  const require = createRequire(bundlePath)
  const missing = []
  for (const { pkg, names } of bundleImports(fs.readFileSync(bundlePath, "utf8"))) {
    let mod
    let resolved
    try {
      resolved = require.resolve(pkg)
      mod = require(pkg)
    } catch (error) {
      missing.push({ pkg, name: null, resolved: error.message.split("\n")[0] })
      continue
    }
    for (const name of names) {
      const present = name === "default" ? mod.default !== undefined || typeof mod === "function" : name in mod
      if (!present) missing.push({ pkg, name, resolved })
    }
  }
  return missing
}

/**
 * The widget zones the bundle declares (`zone: "x"` or `zone: ["x", "y"]`)
 * that the host's dashboard does not know: such a widget is never shown.
 * Zones are checked against the host's `@medusajs/admin-shared` INJECTION_ZONES.
 */
export function unknownWidgetZones(bundlePath) {
  const source = fs.readFileSync(bundlePath, "utf8")
  const zones = new Set()
  for (const [, value] of source.matchAll(/\bzone:\s*(\[[^\]]*\]|"[^"]*")/g)) {
    for (const [, zone] of value.matchAll(/"([^"]+)"/g)) zones.add(zone)
  }
  const { INJECTION_ZONES } = createRequire(bundlePath)("@medusajs/admin-shared")
  return [...zones].filter((zone) => !INJECTION_ZONES.includes(zone))
}
