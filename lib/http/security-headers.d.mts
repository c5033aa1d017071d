export const NONCE_PAGES: string[];
export const staticPagePolicy: string;
export function noncePagePolicy(nonce: string, themeScriptHash: string, options?: { development?: boolean }): string;
export const securityHeaders: { key: string; value: string }[];
export function nextHeaderRules(): { source: string; headers: { key: string; value: string }[] }[];
