/**
 * The class dashboard of a big class, against `next start` on SQLite: 200
 * students, 10 lab assignments and a chapter quiz, each student with
 * progress in the 10 labs and first answers to 200 questions (20 attempts of
 * 10; 40,000 answers in the class). Times GET /instructor/classes/ID (the
 * page, rendered on the server with the dashboard in it) and the JSON the
 * live page asks for every few seconds; and counts the dashboard's queries
 * in this process for a class of 20 and of 200 (the count must not grow).
 * Also the item analysis, asked for on its own (every first answer of the
 * class). Target: the page under 200 ms (median). Prints one JSON line for
 * scripts/bench.mjs.
 *
 * Rows are written straight into the database (as the API would have
 * written them) to set up 200 students in seconds; labs 3 to 10 are lab ids
 * without a guide (the course has two labs), which the dashboard shows by id.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { migrate, signUp, startApp, throwawayDatabase } from "../../scripts/lib/app-server.mjs";

const STUDENTS = 200;
const LABS = ["keys-and-aliases", "secrets-rotation", ...Array.from({ length: 8 }, (_, index) => `lab-${index + 3}`)];
const QUESTIONS = 200;
const RUNS = 30;

const { url: databaseUrl, remove } = await throwawayDatabase("sqlite");
await migrate(databaseUrl);
process.env.DATABASE_URL = databaseUrl;
const app = await startApp({ databaseUrl });

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1));
}

try {
  const cookie = await signUp(app.url, "teacher@example.com");
  execFileSync(process.execPath, ["--import", "tsx", "scripts/set-role.ts", "teacher@example.com", "instructor"], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "pipe" });
  const { db } = await import("../../lib/db/client");
  const { queriesRun } = await import("../../lib/db/query-count");
  const { classDashboard } = await import("../../lib/classes/class-dashboard-data");
  const prisma = db();
  const teacher = await prisma.user.findUniqueOrThrow({ where: { email: "teacher@example.com" } });

  async function seedClass(name: string, students: number) {
    const classId = randomUUID();
    await prisma.class.create({ data: { id: classId, name, instructorId: teacher.id, joinCode: randomUUID().replace(/-/g, "").slice(0, 8).toUpperCase() } });
    const due = new Date(Date.now() + 86_400_000);
    await prisma.assignment.createMany({ data: [...LABS.map((labId) => ({ id: randomUUID(), classId, kind: "lab", itemId: labId, dueAt: due })), { id: randomUUID(), classId, kind: "quiz", itemId: "kms-secrets-manager-parameter-store", dueAt: due }] });
    const now = Date.now();
    for (let index = 0; index < students; index++) {
      const userId = randomUUID();
      await prisma.$transaction([
        prisma.user.create({ data: { id: userId, name: `Student ${index}`, email: `${name}-${index}@example.com` } }),
        prisma.classMember.create({ data: { classId, userId } }),
        prisma.labProgress.createMany({ data: LABS.map((labId, lab) => ({ userId, labId, stepsDone: (index + lab) % 4, completedAt: (index + lab) % 5 === 0 ? new Date(now - 3_600_000) : null, lastActivityAt: new Date(now - ((index * 7 + lab) % 40) * 60_000), stepStartedAt: new Date(now - ((index * 7 + lab) % 40) * 60_000), commandLog: JSON.stringify(["aws kms list-keys", "aws kms create-key"]) })) }),
      ]);
      for (let attempt = 0; attempt < QUESTIONS / 10; attempt++) {
        const attemptId = randomUUID();
        await prisma.attempt.create({
          data: {
            id: attemptId,
            userId,
            clientId: `a-${attempt}`,
            mode: attempt % 5 === 0 ? "chapter-quiz" : "drill",
            context: attempt % 5 === 0 ? `chapter-quiz:kms-secrets-manager-parameter-store:${attempt}` : "/practice/drill",
            at: new Date(now - (QUESTIONS - attempt) * 60_000),
            answers: { createMany: { data: Array.from({ length: 10 }, (_, item) => ({ position: item, questionId: `question-${attempt * 10 + item}`, examPoints: JSON.stringify([["kms.key-types", "kms.envelope-encryption", "secrets-manager.rotation-steps", "parameter-store.hierarchy"][(attempt + item) % 4]]), correct: (index * 31 + attempt * 7 + item * 13) % 10 < 6 + (index % 4), answered: true, confidence: "sure" })) } },
          },
        });
      }
    }
    return classId;
  }

  console.error("  seeding 20 + 200 students…");
  const small = await seedClass("small", 20);
  const big = await seedClass("big", STUDENTS);

  const count = async (classId: string) => {
    const before = queriesRun();
    const dashboard = await classDashboard(classId, teacher.id);
    return { queries: queriesRun() - before, students: dashboard!.students.length };
  };
  const smallCount = await count(small);
  const bigCount = await count(big);

  const time = async (path: string, check: (text: string) => boolean) => {
    const times: number[] = [];
    for (let run = 0; run < RUNS + 3; run++) {
      const started = performance.now();
      const response = await fetch(`${app.url}${path}`, { headers: { cookie } });
      const text = await response.text();
      if (!response.ok || !check(text)) throw new Error(`${path} answered ${response.status}`);
      if (run >= 3) times.push(performance.now() - started);
    }
    return { medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
  };
  const page = await time(`/instructor/classes/${big}`, (html) => html.includes("Student 199"));
  const json = await time(`/api/classes/${big}/dashboard`, (text) => text.includes("Student 199"));
  const items = await time(`/api/classes/${big}/items`, (text) => text.includes("question-199"));
  console.log(
    JSON.stringify({
      students: STUDENTS,
      labs: LABS.length,
      questions: QUESTIONS,
      answers: STUDENTS * QUESTIONS,
      page,
      json,
      items,
      queries: { small: smallCount.queries, big: bigCount.queries },
      targets: [
        { name: `classes: dashboard page for ${STUDENTS} students, ${LABS.length} labs, ${QUESTIONS} questions < 200 ms`, value: `median ${page.medianMs} ms, p95 ${page.p95Ms} ms`, met: page.medianMs < 200 },
        { name: "classes: the dashboard's queries do not grow with the class", value: `${smallCount.queries} queries for 20 students, ${bigCount.queries} for ${STUDENTS}`, met: smallCount.queries === bigCount.queries },
      ],
    }),
  );
} finally {
  await app.stop();
  // BENCH_KEEP=1 keeps the seeded database for profiling, and says where it is.
  if (process.env.BENCH_KEEP) console.error(`  kept ${databaseUrl}`);
  else remove();
}
