// Which engine a DATABASE_URL names: SQLite (the embedded default) or PostgreSQL (decision 014).
export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProviderOf(url: string): DatabaseProvider {
  return /^postgres(?:ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** A DATABASE_URL to print: the password of a PostgreSQL URL is hidden. */
export function displayableDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
