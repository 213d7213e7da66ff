// `next build` without network or real keys (CI). Real keys, from the environment or from
// Next's .env files, always win; only missing ones get syntactically valid fakes.
// A build without any Clerk key prerenders pages with an empty key and every route answers 500.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import nextEnv from "@next/env";

const require = createRequire(import.meta.url);
const dir = process.cwd();
nextEnv.loadEnvConfig(dir, false);

const fakes = {
  NEXT_TELEMETRY_DISABLED: "1",
  // pk_test_ + base64("clerk.example.test$"): parses as a Clerk key, points nowhere.
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_" + Buffer.from("clerk.example.test$").toString("base64"),
  CLERK_SECRET_KEY: "sk_test_x",
  // Without this, Clerk's keyless mode would try to create a temporary app over the network.
  NEXT_PUBLIC_CLERK_KEYLESS_DISABLED: "1",
};

const env = { ...process.env };
for (const [name, value] of Object.entries(fakes)) {
  if (!env[name]) {
    env[name] = value;
    if (name.includes("CLERK")) console.log(`build:offline: ${name} not set, using a fake value`);
  }
}

const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
