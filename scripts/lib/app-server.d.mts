export function throwawayDatabase(provider: "sqlite" | "postgresql"): Promise<{ url: string; remove: () => void }>;
export function migrate(databaseUrl: string): Promise<void>;
export interface RunningApp {
  url: string;
  port: number;
  pid: number | undefined;
  stderr(): string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}
export function startApp(options: { databaseUrl: string; port?: number; env?: Record<string, string> }): Promise<RunningApp>;
export function signUp(url: string, email: string, password?: string): Promise<string>;
