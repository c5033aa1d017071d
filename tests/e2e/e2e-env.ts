import os from "node:os";
import path from "node:path";

export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
/** The browser tests write to their own throw-away database, never to prisma/dev.db. */
export const e2eDatabaseFile = path.join(os.tmpdir(), `keystone-e2e-${e2ePort}.db`);
/** Mail the test server "sends" (password reset links), one JSON line per message. */
export const e2eMailFile = path.join(os.tmpdir(), `keystone-e2e-${e2ePort}-mail.jsonl`);
