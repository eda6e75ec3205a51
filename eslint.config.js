// ESLint 9 flat config: typescript-eslint (recommended, not type-checked, to stay fast),
// React hooks and JSX accessibility, each with its recommended set.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const reactFiles = ["app/**/*.{ts,tsx}"];

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      "app/generated/",
      ".tmp/",
      ".cache/",
      "node_modules/",
      "data/",
      "test-results/",
      "playwright-report/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  // React lives in app/ only: elsewhere (server/, Express) a `useX(app)` is middleware, not a hook.
  { ...reactHooks.configs.flat.recommended, files: reactFiles },
  { ...jsxA11y.flatConfigs.recommended, files: reactFiles },
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A leading underscore marks a binding kept on purpose: a field left out by destructuring
      // (`{ secret: _s, ...rest }`), or a parameter a signature requires (Express's 4-argument error handler).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // One way into a transaction: lib/transaction.ts takes the write lock first (see there).
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["app/lib/transaction.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          // The browser bundle keeps a route's top-level calls but empties .server modules: wrap at call time,
          // `export const action = (args: ActionFunctionArgs) => domainAction(post)(args)`.
          selector:
            "Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > CallExpression[callee.name=/^domain(Action|Loader)$/]",
          message: "Call domainAction/domainLoader inside the exported function: a top-level call breaks the page in the browser.",
        },
        {
          selector: "CallExpression[callee.property.name='$transaction']",
          message:
            "Use writeTransaction (app/db.server.ts) or writeTransactionOn (app/lib/transaction.ts): they take SQLite's write lock first.",
        },
      ],
    },
  },
  {
    // The environment is read in one place: app/env.server.ts parses it once with zod and documents
    // every variable. Exceptions: the test and benchmark harnesses (they set what the app then parses,
    // and read knobs of their own: E2E_PORT, CI, HOSTILE_*, BENCH_*…), the tools' config files loaded
    // without TypeScript or before it (remix.config.js, scripts/prisma.mjs), and app/root.tsx, where the
    // Remix compiler replaces process.env.NODE_ENV in the browser's code.
    files: ["**/*.{js,mjs,cjs,ts,tsx}"],
    ignores: [
      "app/env.server.ts",
      "app/root.tsx",
      "**/*.test.ts",
      // A domain's helpers for its tests (app/events/test-support.ts points mail at the test's SMTP server).
      "**/test-support.ts",
      "tests/**",
      "e2e/**",
      "bench/**",
      "playwright.config.ts",
      "vitest.config.ts",
      "vitest.faults.config.ts",
      "remix.config.js",
      "scripts/prisma.mjs",
    ],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read the environment through getEnv() (app/env.server.ts), which parses and documents every variable.",
        },
      ],
    },
  },
);
