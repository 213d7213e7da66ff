// What the published package may and must contain. Used by
// `npm run check:pack` (npm pack --dry-run) and by the compatibility check
// on the tarball it installs.

/** Paths that must never ship: tests, fixtures, dev/test config, repo scripts. */
export const FORBIDDEN = [
  [/(^|\/)__tests__\//, "unit/module tests"],
  [/\.(spec|test)\.[cm]?[jt]sx?$/, "test files"],
  [/(^|\/)integration-tests\//, "integration tests"],
  [/(^|\/)e2e\//, "browser tests"],
  [/(^|\/)(fixtures?|__fixtures__|__mocks__)\//, "fixtures"],
  [/(^|\/)scripts\//, "repository scripts"],
  [/(^|\/)examples\//, "examples"],
  [/(^|\/)medusa-config\.[cm]?[jt]s$/, "the repository's Medusa config"],
  [/(^|\/)(jest|vitest|vite)\.config\.[cm]?[jt]s$/, "test/build config"],
  [/(^|\/)tsconfig(\.[^/]*)?\.json$/, "TypeScript config"],
  [/(^|\/)\.env(\.|$)/, "env files"],
  [/(^|\/)\.(dev|e2e|role-sync-dev)\//, "local dev state"],
  [/\.(pem|key|tgz)$/, "keys or tarballs"],
  [/^src\//, "TypeScript sources (only the build in .medusa/server ships)"],
]

/** Files a host needs from the package. */
export const REQUIRED = [
  "package.json",
  "README.md",
  "LICENSE",
  "CHANGELOG.md",
  ".medusa/server/src/admin/index.mjs",
  ".medusa/server/src/admin/index.js",
  ".medusa/server/src/guards.js",
  ".medusa/server/src/providers/clerk/index.js",
  "bin/medusa-plugin-role-sync.mjs",
  "dev/clerk-dev.mjs",
  "dev/clerk-stand-in.js",
]

/**
 * Checks a list of packed paths (relative to the package root). Returns
 * { problems: string[] } — empty when the package is fine.
 */
export function checkPackedFiles(paths) {
  const problems = []
  for (const file of paths) {
    for (const [pattern, what] of FORBIDDEN) {
      if (pattern.test(file)) problems.push(`ships ${what}: ${file}`)
    }
  }
  const present = new Set(paths)
  for (const file of REQUIRED) {
    if (!present.has(file)) problems.push(`does not ship ${file}`)
  }
  return { problems }
}
