const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true, decorators: true },
          transform: { react: { runtime: "automatic" } },
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/examples/"],
  setupFiles: ["./integration-tests/setup.js"],
  // Starts an embedded PostgreSQL only when nothing answers on DB_HOST:DB_PORT.
  globalSetup: "./integration-tests/global-setup.mjs",
  globalTeardown: "./integration-tests/global-teardown.mjs",
}

if (process.env.TEST_TYPE === "integration:http") {
  module.exports.testMatch = ["**/integration-tests/http/*.spec.[jt]s"]
} else if (process.env.TEST_TYPE === "integration:modules") {
  module.exports.testMatch = ["**/src/modules/*/__tests__/**/*.spec.[jt]s"]
} else if (process.env.TEST_TYPE === "unit") {
  module.exports.testMatch = ["**/src/**/__tests__/**/*.unit.spec.[jt]s"]
} else {
  // `npm test`: everything, fast files first.
  module.exports.testMatch = [
    "**/src/**/__tests__/**/*.spec.[jt]s",
    "**/integration-tests/http/*.spec.[jt]s",
  ]
}
