/**
 * Server throughput of a signed-in learner's writes and the dashboard's render
 * time, on SQLite and on PostgreSQL, against `next start` (the production build):
 *
 *  - answer submission (POST /api/progress/attempts, one answer, a new attempt id
 *    each time, sessions of 20 users in turn) at 100 connections with autocannon,
 *    beside a no-op route (/api/health/live) in the same run;
 *    and the same submissions at 10 connections, where the server is not
 *    queueing, for the latency of the write itself (no target);
 *  - GET /dashboard of a learner with 5,000 answers over 90 days.
 *
 * Targets: submissions at least half the no-op's throughput with p99 under
 * 50 ms; the dashboard under 100 ms (median).
 */
import autocannon from "autocannon";
import { migrate, signUp, startApp, throwawayDatabase } from "../../scripts/lib/app-server.mjs";

const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

function cannon(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

const summary = (result) => ({
  requestsPerSecond: Math.round(result.requests.average),
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
});

function answerBody(index, at = new Date()) {
  return JSON.stringify({
    id: `bench-${process.pid}-${index}-${Math.random().toString(36).slice(2, 10)}`,
    mode: "drill",
    at: at.toISOString(),
    context: "/practice/drill",
    items: [{ questionId: `q${index % 50}`, examPoints: [["kms.key-policy", "kms.grants", "kms.envelope-encryption"][index % 3]], correct: index % 4 !== 0, answered: true, confidence: "sure" }],
  });
}

/** 5,000 answers over the last 90 days, in 500 attempts of 10, through the merge route (as a browser's progress would arrive). */
async function seedLearner(url, cookie) {
  const points = ["kms.key-policy", "kms.grants", "kms.envelope-encryption", "kms.key-rotation", "secrets-manager.rotation", "parameter-store.hierarchies"];
  const now = Date.now();
  const attempts = Array.from({ length: 500 }, (_, index) => ({
    id: `seed-attempt-${String(index).padStart(4, "0")}`,
    mode: index % 3 === 0 ? "chapter-quiz" : "drill",
    at: new Date(now - (90 - (index * 90) / 500) * 86_400_000).toISOString(),
    context: "/practice/drill",
    items: Array.from({ length: 10 }, (_, item) => ({ questionId: `q${item}`, examPoints: [points[(index + item) % points.length]], correct: (index + item) % 3 !== 0, answered: true, confidence: item % 4 === 0 ? "unsure" : "sure" })),
  }));
  for (let start = 0; start < attempts.length; start += 250) {
    const response = await fetch(`${url}/api/progress/merge`, { method: "POST", headers: { "content-type": "application/json", cookie, origin: url }, body: JSON.stringify({ attempts: attempts.slice(start, start + 250), sectionsRead: [] }) });
    if (!response.ok) throw new Error(`seeding answered ${response.status}: ${await response.text()}`);
  }
}

async function timeDashboard(url, cookie, runs = 40) {
  const times = [];
  for (let run = 0; run < runs + 5; run++) {
    const started = performance.now();
    const response = await fetch(`${url}/dashboard`, { headers: { cookie } });
    const html = await response.text();
    if (!response.ok || !html.includes("answers-total")) throw new Error(`dashboard answered ${response.status}`);
    if (run >= 5) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { runs, medianMs: Number(times[Math.floor(runs / 2)].toFixed(1)), p95Ms: Number(times[Math.floor(runs * 0.95)].toFixed(1)) };
}

async function benchProvider(provider) {
  const { url: databaseUrl, remove: cleanup } = await throwawayDatabase(provider);
  await migrate(databaseUrl);
  const app = await startApp({ databaseUrl });
  try {
    const cookies = [];
    for (let index = 0; index < 20; index++) cookies.push(await signUp(app.url, `bench${index}@example.com`));
    // Warm both routes (compilation of the route modules, connection pools).
    await cannon({ url: `${app.url}/api/health/live`, duration: 2 });
    let counter = 0;
    const submit = {
      url: app.url,
      requests: [
        {
          method: "POST",
          path: "/api/progress/attempts",
          setupRequest(request) {
            const index = counter++;
            request.headers = { "content-type": "application/json", cookie: cookies[index % cookies.length], origin: app.url };
            request.body = answerBody(index);
            return request;
          },
        },
      ],
    };
    await cannon({ ...submit, duration: 2 });
    const noop = summary(await cannon({ url: `${app.url}/api/health/live` }));
    const answers = summary(await cannon(submit));
    const answersUnqueued = summary(await cannon({ ...submit, connections: 10, duration: Math.max(3, SECONDS / 2) }));
    const learner = await signUp(app.url, "dashboard@example.com");
    await seedLearner(app.url, learner);
    const dashboard = await timeDashboard(app.url, learner);
    return { noop, answers, answersUnqueued, ratio: Number((answers.requestsPerSecond / noop.requestsPerSecond).toFixed(2)), dashboard };
  } finally {
    await app.stop();
    cleanup();
  }
}

const results = { connections: CONNECTIONS, seconds: SECONDS };
for (const provider of ["sqlite", "postgresql"]) {
  console.error(`  ${provider}…`);
  results[provider] = await benchProvider(provider);
}
results.targets = ["sqlite", "postgresql"].flatMap((provider) => {
  const run = results[provider];
  return [
    { name: `${provider}: answer submissions ≥ 50% of the no-op route's throughput`, value: `${run.answers.requestsPerSecond} vs ${run.noop.requestsPerSecond} req/s (${Math.round(run.ratio * 100)}%)`, met: run.ratio >= 0.5 },
    { name: `${provider}: answer submission p99 < 50 ms at ${CONNECTIONS} connections`, value: `${run.answers.p99Ms} ms`, met: run.answers.p99Ms < 50 },
    { name: `${provider}: every submission acknowledged (2xx)`, value: `${run.answers.non2xx + run.answersUnqueued.non2xx} non-2xx, ${run.answers.errors + run.answersUnqueued.errors} errors`, met: run.answers.non2xx + run.answersUnqueued.non2xx === 0 && run.answers.errors + run.answersUnqueued.errors === 0 },
    { name: `${provider}: dashboard with 5,000 answers rendered < 100 ms`, value: `median ${run.dashboard.medianMs} ms, p95 ${run.dashboard.p95Ms} ms`, met: run.dashboard.medianMs < 100 },
  ];
});
console.log(JSON.stringify(results));
