// BUILD_DIR lets a second build (e.g. an end-to-end run beside a dev server) live elsewhere.
// Documented with its default in app/env.server.ts; read here directly because the Remix
// compiler loads this file as plain JavaScript, before any TypeScript module.
const buildDir = process.env.BUILD_DIR || "build";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  serverBuildPath: `${buildDir}/index.js`,
  assetsBuildDirectory: buildDir === "build" ? "public/build" : `${buildDir}/assets`,
  publicPath: "/build/",
  serverDependenciesToBundle: [/^marked/],
  watchPaths: ["search/**/*.ts"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
  },
};
