import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

/**
 * The database the platform uses. DATABASE_URL wins (tests point it at a
 * throw-away file or cluster); otherwise the embedded SQLite default lives in
 * prisma/dev.db, resolved from the working directory so the CLI and the
 * server agree.
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? "file:" + path.join(process.cwd(), "prisma", "dev.db");
}

/** postgresql:// and postgres:// name PostgreSQL; anything else is a SQLite file. */
export function databaseProvider(url: string = databaseUrl()): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}
