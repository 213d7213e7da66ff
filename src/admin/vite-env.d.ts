/// <reference types="vite/client" />

// Injected by the host's admin bundler (@medusajs/admin-bundler `define`) from
// `admin.backendUrl`, `admin.authType` and `admin.jwtTokenStorageKey` of its
// medusa-config; undefined when the host does not set them.
declare const __BACKEND_URL__: string | undefined
declare const __AUTH_TYPE__: "session" | "jwt" | undefined
declare const __JWT_TOKEN_STORAGE_KEY__: string | undefined
