import path from "node:path";

/**
 * The SQLite database the platform uses. DATABASE_URL wins (tests point it at
 * a throw-away file); otherwise the embedded default lives in prisma/dev.db,
 * resolved from the working directory so the CLI and the server agree.
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? "file:" + path.join(process.cwd(), "prisma", "dev.db");
}
