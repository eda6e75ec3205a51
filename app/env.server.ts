// The environment, parsed once with clear messages. Every default makes
// `npm start` work on a fresh clone; production sets what it needs.
// The one module that reads process.env (ESLint refuses it elsewhere, see eslint.config.js);
// only the test and benchmark harnesses and the tools' own config files read it themselves.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as z from "zod";

const TRUST_PROXY_MESSAGE = "TRUST_PROXY doit être le nombre de mandataires inverses devant le portail, par exemple 1 (0 : aucun)";

// The folder for the SQLite file, uploads, the bundled Meilisearch and generated secrets.
const DataDirSchema = z.string().min(1).default("data");
// The SQLite file (file:<DATA_DIR>/portail.db when unset) or a PostgreSQL server (decision 014).
const DatabaseUrlSchema = z
  .string()
  .regex(
    /^(?:file:|postgres(?:ql)?:\/\/)/,
    "DATABASE_URL doit être une URL SQLite (file:chemin/vers/base.db) ou PostgreSQL (postgresql://utilisateur:motdepasse@hôte:5432/base)",
  )
  .optional();

const EnvSchema = z
  .object({
    // development: `npm run dev` (live reload, no page cache); production otherwise.
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    DATA_DIR: DataDirSchema,
    DATABASE_URL: DatabaseUrlSchema,
    // Where `remix build` writes the server build (its assets in <BUILD_DIR>/assets, or public/build for
    // the default): a second build, such as an end-to-end run's, lives beside a developer's. remix.config.js
    // reads it too (the Remix compiler loads that file without TypeScript).
    BUILD_DIR: z.string().min(1).default("build"),
    // Connections each portal process keeps open to PostgreSQL (ignored by SQLite).
    DATABASE_POOL_SIZE: z.coerce
      .number()
      .int()
      .min(1, "DATABASE_POOL_SIZE doit être un nombre de connexions, par exemple 10")
      .max(200, "DATABASE_POOL_SIZE ne peut dépasser 200 connexions par processus")
      .default(10),
    MEILI_HOST: z.url("MEILI_HOST doit être une URL, par exemple http://127.0.0.1:7700").optional(),
    MEILI_MASTER_KEY: z.string().min(16, "MEILI_MASTER_KEY doit compter au moins 16 caractères").optional(),
    MEILI_INDEX_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]*$/)
      .default(""),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    SMTP_URL: z
      .string()
      .regex(
        /^smtps?:\/\//,
        "SMTP_URL doit commencer par smtp:// ou smtps://, par exemple smtp://utilisateur:motdepasse@smtp.exemple.fr:587",
      )
      .optional(),
    MAIL_FROM: z.string().default("CCAS – Réseau des associations <ne-pas-repondre@ccas.localhost>"),
    PUBLIC_URL: z.url("PUBLIC_URL doit être une URL, par exemple https://reseau.ccas-besancon.fr").optional(),
    // How many reverse proxies stand in front of the portal; each appends the address it saw to X-Forwarded-For.
    // The client's address is the one the outermost trusted proxy saw: entries a client wrote itself are ignored.
    TRUST_PROXY: z.preprocess(
      (v) => (v === "true" ? "1" : v === "false" || v === undefined || v === "" ? "0" : v),
      z.coerce.number().int(TRUST_PROXY_MESSAGE).min(0, TRUST_PROXY_MESSAGE).max(10, TRUST_PROXY_MESSAGE),
    ),
    SESSION_SECRET: z.string().min(16, "SESSION_SECRET doit compter au moins 16 caractères").optional(),
    ASSOCIATION_STORAGE_QUOTA_MB: z.coerce
      .number()
      .positive("ASSOCIATION_STORAGE_QUOTA_MB doit être un nombre de mégaoctets, par exemple 200")
      .default(200),
    DATA_DIR_MIN_FREE_MB: z.coerce.number().min(0, "DATA_DIR_MIN_FREE_MB doit être un nombre de mégaoctets, par exemple 200").default(200),
    DATA_DIR_MIN_FREE_PERCENT: z.coerce
      .number()
      .min(0)
      .max(100, "DATA_DIR_MIN_FREE_PERCENT doit être un pourcentage entre 0 et 100, par exemple 5")
      .default(5),
    // The largest RNA file an administrator may upload (a département's waldec file is 20 to 200 MB).
    RNA_UPLOAD_MAX_MB: z.coerce.number().positive("RNA_UPLOAD_MAX_MB doit être un nombre de mégaoctets, par exemple 400").default(400),
    PAGE_CACHE_SECONDS: z.coerce
      .number()
      .min(0, "PAGE_CACHE_SECONDS doit être un nombre de secondes, 0 pour désactiver le cache des pages publiques")
      .max(60, "PAGE_CACHE_SECONDS ne peut dépasser 60 secondes : les pages publiques resteraient périmées trop longtemps")
      .default(1),
    LOGIN_DELAY_BASE_MS: z.coerce
      .number()
      .int()
      .min(0, "LOGIN_DELAY_BASE_MS doit être un nombre de millisecondes, par exemple 500")
      .max(5000, "LOGIN_DELAY_BASE_MS ne peut dépasser 5000 : une connexion attendrait plus d'une minute")
      .default(500),
    // The geocoder of addresses: the Base Adresse Nationale's API (its /search/ answer), or "off".
    GEOCODER_URL: z
      .union([z.literal("off"), z.url("GEOCODER_URL doit être une URL, par exemple https://api-adresse.data.gouv.fr, ou off")])
      .default("https://api-adresse.data.gouv.fr"),
    // The map's raster tiles, {z}/{x}/{y} replaced (the IGN Géoplateforme's Plan IGN by default), and their credit.
    MAP_TILE_URL: z
      .string()
      .regex(
        /^https?:\/\/.*\{z\}.*\{x\}.*\{y\}|^https?:\/\/.*\{z\}.*\{y\}.*\{x\}/,
        "MAP_TILE_URL doit être une URL contenant {z}, {x} et {y}",
      )
      .default(
        "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}",
      ),
    MAP_TILE_ATTRIBUTION: z.string().default("© IGN – Plan IGN"),
    SEED_DEMO: z
      .enum(["0", "1", "true", "false"])
      .default("1")
      .transform((v) => v === "1" || v === "true"),
  })
  .transform((env) => {
    const dataDir = path.resolve(env.DATA_DIR);
    return {
      ...env,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrlIn(dataDir, env.DATABASE_URL),
      UPLOAD_DIR: path.join(dataDir, "uploads"),
      PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
      SESSION_SECRET: env.SESSION_SECRET ?? secretFromDataDir(dataDir),
      /** SESSION_SECRET was given by the environment, not generated in the data folder. */
      SESSION_SECRET_FROM_ENVIRONMENT: env.SESSION_SECRET !== undefined,
    };
  });

function databaseUrlIn(dataDir: string, databaseUrl: string | undefined): string {
  return databaseUrl ?? `file:${path.join(dataDir, "portail.db")}`;
}

/** A secret generated on first start and kept in the data folder, like the Meilisearch key. */
function secretFromDataDir(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The variables this module knows, as the environment spells them. */
export type EnvName = keyof z.input<typeof EnvSchema>;

function parseEnvironment<T extends z.ZodType>(schema: T): z.output<T> {
  // An empty variable counts as unset (MEILI_HOST= turns the external server off).
  const defined = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function getEnv(): Env {
  cached ??= parseEnvironment(EnvSchema);
  return cached;
}

/**
 * Just the database's URL, for the Prisma CLI's config (prisma.config.ts): parses no other
 * variable and generates no secret, so `prisma generate` at install time writes nothing.
 */
export function getDatabaseUrl(): string {
  const env = parseEnvironment(z.object({ DATA_DIR: DataDirSchema, DATABASE_URL: DatabaseUrlSchema }));
  return databaseUrlIn(path.resolve(env.DATA_DIR), env.DATABASE_URL);
}

/**
 * Sets variables for this process and the processes it starts, then parses again: the start
 * command and the CLIs pass on what they resolved (the database file, the bundled engine's
 * address and key) to the modules they import next.
 */
export function setEnv(values: Partial<Record<EnvName, string>>) {
  Object.assign(process.env, values);
  resetEnvCache();
}

/** The whole environment as this process received it (and setEnv changed it), for a child process. */
export function inheritedEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env };
}

/** For tests that change the environment between cases. */
export function resetEnvCache() {
  cached = undefined;
}
