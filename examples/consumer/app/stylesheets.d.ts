// A bundler's client types (vite/client) declare stylesheet imports: a host has this already.
declare module "*.css" {}
