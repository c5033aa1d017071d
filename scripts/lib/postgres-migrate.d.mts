export function migratePostgres(url: string, options?: { log?: (line: string) => void }): Promise<string[]>;
