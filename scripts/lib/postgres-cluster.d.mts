export const INSTALL_POSTGRESQL: string;
export function postgresBinaries(): string | undefined;
export function startPostgres(options?: { databases?: string[] }): Promise<{ port: number; urls: Record<string, string>; url: string; stop: () => void }>;
