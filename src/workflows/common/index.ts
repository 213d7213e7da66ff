export * from "./steps/resolve-store-region"
