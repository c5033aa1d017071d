/**
 * Vitest global setup of the server suite's PostgreSQL run: one throw-away
 * cluster (Debian's PostgreSQL, as a non-root user) for the whole run; each
 * test file makes its own database in it.
 */
import type { TestProject } from "vitest/node";
import { startPostgres } from "../../../scripts/lib/postgres-cluster.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgres({ databases: ["keystone_template"] });
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}
