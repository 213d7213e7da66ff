export * from "./customer-meta"
