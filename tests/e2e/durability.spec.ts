import { expect, test } from "@playwright/test";
import { migrate, signUp, startApp, throwawayDatabase, type RunningApp } from "../../scripts/lib/app-server.mjs";

/**
 * What the server promises about writes, checked on a server of its own for
 * each database: answers sent in parallel by several users are each stored
 * once, and an answer the server acknowledged is there after the process is
 * killed with SIGKILL in the middle of a write load and started again.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

function attempt(id: string) {
  return { id, mode: "drill", at: new Date().toISOString(), context: "/practice/drill", items: [{ questionId: "q1", examPoints: ["kms.key-policy"], correct: true, answered: true, confidence: "sure" }] };
}

async function post(app: RunningApp, cookie: string, body: unknown): Promise<number> {
  const response = await fetch(`${app.url}/api/progress/attempts`, { method: "POST", headers: { "content-type": "application/json", cookie, origin: app.url }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  return response.status;
}

async function storedIds(app: RunningApp, cookie: string): Promise<string[]> {
  const response = await fetch(`${app.url}/api/account/export`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { attempts: { id: string }[] }).attempts.map((entry) => entry.id);
}

for (const provider of ["sqlite", "postgresql"] as const) {
  test(`${provider}: 200 parallel answers from four users are each stored once, retries included`, async () => {
    const db = await throwawayDatabase(provider);
    await migrate(db.url);
    const app = await startApp({ databaseUrl: db.url });
    try {
      const cookies = await Promise.all([0, 1, 2, 3].map((index) => signUp(app.url, `parallel${index}@example.com`)));
      const sends = cookies.flatMap((cookie, user) => Array.from({ length: 45 }, (_, index) => ({ cookie, id: `parallel-${user}-${index}` })));
      const retries = sends.filter((_send, index) => index % 9 === 0); // 20 of them sent twice at once
      const statuses = await Promise.all([...sends, ...retries].map((send) => post(app, send.cookie, attempt(send.id))));
      expect(statuses).toHaveLength(200);
      expect(statuses.filter((status) => status !== 201 && status !== 200), app.stderr().slice(0, 3000)).toEqual([]);
      expect(statuses.filter((status) => status === 201)).toHaveLength(180);
      for (const [user, cookie] of cookies.entries()) {
        const ids = await storedIds(app, cookie);
        expect(ids.sort()).toEqual(Array.from({ length: 45 }, (_, index) => `parallel-${user}-${index}`).sort());
      }
    } finally {
      await app.stop();
      db.remove();
    }
  });

  test(`${provider}: kill -9 during a write load loses no acknowledged answer`, async () => {
    const db = await throwawayDatabase(provider);
    await migrate(db.url);
    let app = await startApp({ databaseUrl: db.url });
    try {
      const cookies = await Promise.all([0, 1, 2].map((index) => signUp(app.url, `crash${index}@example.com`)));
      const acknowledged = new Map<string, Set<string>>(cookies.map((cookie) => [cookie, new Set()]));
      let stop = false;
      let sent = 0;
      const worker = async (cookie: string, lane: number) => {
        for (let index = 0; !stop; index++) {
          const id = `crash-${lane}-${index}`;
          sent += 1;
          try {
            const status = await post(app, cookie, attempt(id));
            if (status === 201 || status === 200) acknowledged.get(cookie)!.add(id);
          } catch {
            return; // the connection died with the server: this write was never acknowledged
          }
        }
      };
      const load = Array.from({ length: 24 }, (_, lane) => worker(cookies[lane % 3]!, lane));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await app.kill();
      stop = true;
      await Promise.all(load);
      const total = [...acknowledged.values()].reduce((sum, ids) => sum + ids.size, 0);
      expect(total, `acknowledged before the kill (of ${sent} sent)`).toBeGreaterThan(20);

      app = await startApp({ databaseUrl: db.url });
      for (const cookie of cookies) {
        const stored = new Set(await storedIds(app, cookie));
        const missing = [...acknowledged.get(cookie)!].filter((id) => !stored.has(id));
        expect(missing, "acknowledged but lost").toEqual([]);
      }
    } finally {
      await app.stop();
      db.remove();
    }
  });
}
