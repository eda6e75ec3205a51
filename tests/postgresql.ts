// The PostgreSQL side of the test harness: with TEST_POSTGRESQL_URL (a throwaway cluster's
// admin URL, see scripts/postgres-cluster.ts) the suite runs on PostgreSQL instead of SQLite.
// A template database is migrated once; each test file gets a copy (CREATE DATABASE … TEMPLATE).
import pg from "pg";

export const TEST_POSTGRESQL_URL = process.env.TEST_POSTGRESQL_URL;

/** The URL of database `name` on the cluster of `adminUrl`. */
export function databaseUrlOn(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function onCluster<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string, name: string, template?: string) {
  await onCluster(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
  return databaseUrlOn(adminUrl, name);
}

/** Drops the databases whose names start with `prefix` (a finished run's). */
export async function dropDatabases(adminUrl: string, prefix: string) {
  await onCluster(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
