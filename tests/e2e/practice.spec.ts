import { expect, test, type Page } from "@playwright/test";
import { courseData } from "./course-data";
import { expectNoSeriousA11yViolations, watchForProblems } from "./helpers";
import { answerRight, bank, type AuthoredQuestion } from "./quiz-helpers";
import { idle, PROMPT, RECORDED, run, screen } from "./sandbox-helpers";

/**
 * Quizzes as a learner uses them. The oracle is the question bank built from
 * the MDX (what the author marked right), never the grading code: answers are
 * chosen by their text, as a learner reads them.
 */

async function dueCount(page: Page): Promise<number> {
  await page.goto("/practice");
  const due = page.getByTestId("due-count");
  await expect(due).toBeVisible();
  return Number(await due.textContent());
}

test("a practice exam end to end: no answers on the page before submitting, a reload keeps everything, the clock submits it, then report, review and the drill", async ({ page }) => {
  const { problems } = watchForProblems(page);
  const questions = await bank();
  const examPoints = (await courseData()).examPoints.length;
  await page.clock.install();

  expect(await dueCount(page)).toBe(examPoints);

  // Everything the exam page receives before submission, to search for answers.
  const received: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/api/practice-exams") && !response.url().endsWith("/submit")) received.push(await response.text().catch(() => ""));
  });

  await page.getByLabel("Questions").fill("6");
  await page.getByLabel("Minutes").fill("2");
  await page.getByRole("button", { name: "Start the practice exam" }).click();
  await expect(page).toHaveURL(/\/practice\/exam\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId("exam-clock")).toHaveText(/^[12]:\d\d$/);
  const navigator = page.getByRole("navigation", { name: "Question navigator" });
  await expect(navigator.getByRole("button")).toHaveCount(6);

  // The questions drawn, in order, read from the page.
  const drawn: AuthoredQuestion[] = [];
  for (let index = 0; index < 6; index++) {
    await navigator.getByRole("button", { name: new RegExp(`^Question ${index + 1},`) }).click();
    const id = await page.locator("form[data-question-id]").getAttribute("data-question-id");
    drawn.push(questions.get(id!)!);
  }
  expect(drawn.every(Boolean)).toBe(true);

  // Integrity: neither the page nor anything it fetched holds a key, a reason or an explanation.
  const html = await page.content();
  for (const question of drawn) {
    const secrets = [question.explanation, ...(question.type === "single-choice" || question.type === "multiple-response" ? question.choices.map((choice) => choice.why) : question.type === "ordering" ? question.items.map((item) => item.why) : question.prompts.map((prompt) => prompt.why))];
    for (const secret of secrets) {
      expect(html, `page source gives away ${question.id}`).not.toContain(secret);
      for (const body of received) expect(body, `a response gives away ${question.id}`).not.toContain(secret);
    }
  }

  // Answer every single-choice question right and every multiple-response one with only its first right answer (no part marks).
  let expectedRight = 0;
  for (const [index, question] of drawn.entries()) {
    await navigator.getByRole("button", { name: new RegExp(`^Question ${index + 1},`) }).click();
    const form = page.locator(`form[data-question-id="${question.id}"]`);
    if (question.type === "single-choice") {
      await form.getByRole("radio", { name: question.choices[question.answer]!.text, exact: true }).check();
      expectedRight++;
    } else if (question.type === "multiple-response") {
      await form.getByRole("checkbox", { name: question.choices[question.answers[0]!]!.text, exact: true }).check();
    }
  }
  await navigator.getByRole("button", { name: /^Question 2,/ }).click();
  await page.getByLabel("Flag for review").check();
  await expect(navigator.getByRole("button", { name: /^Question 2, .*flagged/ })).toBeVisible();

  // A reload carries on where the learner was: answers and flag come back from the server.
  await page.reload();
  await expect(navigator.getByRole("button", { name: /^Question 2, .*flagged/ })).toBeVisible();
  const firstSingle = drawn.findIndex((question) => question.type === "single-choice");
  if (firstSingle >= 0) {
    const question = drawn[firstSingle] as Extract<AuthoredQuestion, { type: "single-choice" }>;
    await navigator.getByRole("button", { name: new RegExp(`^Question ${firstSingle + 1}, answered`) }).click();
    await expect(page.getByRole("radio", { name: question.choices[question.answer]!.text, exact: true })).toBeChecked();
  }

  // Time runs out: the exam submits itself.
  await page.clock.fastForward("03:00");
  await expect(page.getByTestId("exam-score")).toHaveText(`${expectedRight} of 6`, { timeout: 15_000 });
  await expect(page.getByRole("heading", { name: "By service" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "By exam point, weakest first" })).toBeVisible();

  // Review: every question with its explanation; "only wrong" leaves the rest.
  const review = page.locator("li[data-question-id]");
  await expect(review).toHaveCount(6);
  for (const question of drawn) await expect(page.locator(`li[data-question-id="${question.id}"]`)).toContainText(question.explanation);
  await page.getByLabel("Only the questions I got wrong").check();
  await expect(review).toHaveCount(6 - expectedRight);
  await expectNoSeriousA11yViolations(page, "practice exam report");

  // The report went into the learner's memory: every exam point the exam touched has been practised and is not due today.
  const touched = new Set(drawn.flatMap((question) => question.examPoints));
  expect(await dueCount(page)).toBe(examPoints - touched.size);

  // The drill asks about what is due, and its count falls as the learner answers.
  await page.goto("/practice/drill");
  const drillDue = page.getByTestId("drill-due-count");
  await expect(drillDue).toHaveText(String(examPoints - touched.size));
  const form = page.locator("form[data-question-id]");
  const id = await form.getAttribute("data-question-id");
  const question = questions.get(id!)!;
  expect(question.examPoints.some((point) => !touched.has(point))).toBe(true);
  await answerRight(form, question);
  await form.getByRole("button", { name: "Check: I’m sure" }).click();
  await expect(form.getByRole("status")).toContainText("Correct.");
  await expect(drillDue).not.toHaveText(String(examPoints - touched.size));

  // With an exam date, readiness: each service and every exam point, and what to study next.
  await page.goto("/practice");
  const examDay = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Your exam date").fill(examDay);
  await page.getByRole("button", { name: "Save date" }).click();
  await expect(page.getByRole("heading", { name: /^Readiness on / })).toBeVisible();
  await expect(page.getByRole("img", { name: /^AWS KMS: \d+%$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Study next" }).locator("xpath=following-sibling::ol[1]/li")).toHaveCount(5);
  await page.locator("summary", { hasText: "Every exam point" }).click();
  await expect(page.getByTestId("readiness-points").getByRole("img")).toHaveCount(examPoints);
  await page.reload();
  await expect(page.getByLabel("Your exam date")).toHaveValue(examDay);
  await expectNoSeriousA11yViolations(page, "practice page with readiness");
  expect(problems).toEqual([]);
});

test("the exam API checks every request: bad input is a 400 that says why, unknown ids 404, and a submitted exam no longer changes", async ({ request }) => {
  const created = await request.post("/api/practice-exams", { data: { count: 5, minutes: 1 } });
  expect(created.status()).toBe(201);
  const exam = (await created.json()) as { id: string; questions: { id: string }[] };
  expect((await request.put(`/api/practice-exams/${exam.id}/answers`, { data: { questionId: exam.questions[0]!.id, flagged: true } })).status()).toBe(204);
  expect((await request.put(`/api/practice-exams/${exam.id}/answers`, { data: { questionId: "not-in-this-exam", flagged: true } })).status()).toBe(422);
  const bad = await request.post("/api/practice-exams", { data: { count: 500, minutes: 0 } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: string }).error).toContain("count: at most 75 questions");
  expect((await request.get("/api/practice-exams/not-an-exam")).status()).toBe(404);
  expect((await request.post("/api/practice-exams", { headers: { "content-type": "text/plain" }, data: "hello" })).status()).toBe(415);
  const submitted = await request.post(`/api/practice-exams/${exam.id}/submit`);
  expect(((await submitted.json()) as { submitted: boolean }).submitted).toBe(true);
  expect((await request.put(`/api/practice-exams/${exam.id}/answers`, { data: { questionId: exam.questions[0]!.id, flagged: false } })).status()).toBe(409);
});


test("every question type can be answered with the keyboard and mouse in a section, and says why", async ({ page }) => {
  const course = await courseData();
  const sections = course.chapters.flatMap((chapter) => chapter.sections);
  for (const type of ["multiple-response", "ordering", "matching"] as const) {
    const section = sections.find((candidate) => candidate.facts.quizzes.some((quiz) => quiz.props.type === type))!;
    const quiz = section.facts.quizzes.find((entry) => entry.props.type === type)!;
    const question = { ...quiz.props } as AuthoredQuestion;
    await page.goto(section.href);
    const form = page.locator(`form[data-question-id="${question.id}"]`);
    if (quiz.folded) {
      // Folded questions load when their set is opened: open every set of the section.
      await expect(form).toHaveCount(0);
      for (const summary of await page.locator("details.question-set > summary").all()) await summary.click();
    }
    await answerRight(form, question);
    await form.getByRole("button", { name: "Check: I’m guessing" }).click();
    await expect(form.getByRole("status"), `${type} question ${question.id}`).toContainText("Correct.");
    await expect(form.getByRole("status")).toContainText(question.explanation);
  }
});

test("a sandbox task is checked by the state the learner leaves, not by the commands typed", async ({ page }) => {
  const course = await courseData();
  const section = course.chapters.flatMap((chapter) => chapter.sections).find((candidate) => candidate.facts.sandboxTasks.some((task) => task.props.id === "parameter-store-task-securestring-in-hierarchy"))!;
  const task = section.facts.sandboxTasks.find((entry) => entry.props.id === "parameter-store-task-securestring-in-hierarchy")!.props;
  await page.goto(`${section.href}?${RECORDED}`);
  const card = page.locator(`section[data-question-id="${task.id}"]`);
  await card.getByRole("button", { name: "Check my work" }).click();
  await expect(card.getByRole("status")).toContainText("Not yet");

  await card.getByRole("button", { name: "Open the sandbox" }).click();
  await expect(page.getByTestId("sandbox-dock")).toBeVisible();
  await idle(page);
  // A String first (the wrong type); AWS will not change a parameter's type, so delete it and store it again:
  // a different route from the solution's one command.
  await runCleared(page, `aws ssm put-parameter --name /app/prod/db/password --value S3cr3t-Pa55 --type String`);
  await card.getByRole("button", { name: "Check my work" }).click();
  await expect(card.getByRole("status")).toContainText("Not yet");
  expect(await runCleared(page, `aws ssm put-parameter --name /app/prod/db/password --value S3cr3t-Pa55 --type SecureString --overwrite`)).toContain("unique parameter.");
  await runCleared(page, `aws ssm delete-parameter --name /app/prod/db/password`);
  await runCleared(page, `aws ssm put-parameter --name /app/prod/db/password --value S3cr3t-Pa55 --type SecureString`);
  await card.getByRole("button", { name: "Check my work" }).click();
  await expect(card.getByRole("status")).toContainText("Done: the sandbox is in the state the task asks for.");
  // Checking ran on a copy: the learner's terminal shows only their own commands.
  expect(await screen(page)).not.toContain("get-parameter");
});

/** Clears the docked terminal (Ctrl-L, as a learner would: it is only a few rows high) and runs a command. */
async function runCleared(page: Page, command: string): Promise<string> {
  await page.locator(".xterm-helper-textarea").first().focus();
  await page.keyboard.press("Control+l");
  await expect.poll(() => screen(page)).toBe(PROMPT.trimEnd());
  return run(page, command);
}

test("a chapter quiz draws 20 of the chapter's questions, keeps them through a reload, scores them and links what to reread", async ({ page }) => {
  const questions = await bank();
  const chapter = (await courseData()).chapters[0]!;
  await page.goto(`${chapter.href}/quiz`);
  await expect(page.getByText("Question 1 of 20")).toBeVisible();
  const firstId = await page.locator("form[data-question-id]").getAttribute("data-question-id");
  await page.reload();
  await expect(page.locator("form[data-question-id]")).toHaveAttribute("data-question-id", firstId!);

  const seen: string[] = [];
  for (let index = 0; index < 20; index++) {
    const form = page.locator("form[data-question-id]");
    const question = questions.get((await form.getAttribute("data-question-id"))!)!;
    expect(question.section.chapter).toBe(chapter.slug);
    seen.push(question.id);
    if (index === 0) {
      // One wrong on purpose: the end lists its section to reread.
      if (question.type === "single-choice") {
        const wrong = question.choices.findIndex((_, choice) => choice !== question.answer);
        await form.getByRole("radio", { name: question.choices[wrong]!.text, exact: true }).check();
      } else if (question.type === "multiple-response") {
        const wrong = question.choices.findIndex((_, choice) => !question.answers.includes(choice));
        await form.getByRole("checkbox", { name: question.choices[wrong]!.text, exact: true }).check();
      } else {
        await answerRight(form, question);
      }
    } else {
      await answerRight(form, question);
    }
    await form.getByRole("button", { name: "Check: I’m sure" }).click();
    await expect(form.getByRole("status")).toContainText(/Correct\.|Not quite/);
    await expect(form.getByRole("status")).toContainText(`Taught in ${question.section.title}`);
    await page.getByRole("button", { name: index === 19 ? "Finish" : "Next question" }).click();
  }
  expect(new Set(seen).size).toBe(20);
  const first = questions.get(seen[0]!)!;
  const wrongFirst = first.type === "single-choice" || first.type === "multiple-response";
  await expect(page.getByRole("heading", { name: `${wrongFirst ? 19 : 20} of 20 right` })).toBeVisible();
  if (wrongFirst) await expect(page.getByRole("listitem").getByRole("link", { name: first.section.title, exact: true })).toBeVisible();

  await page.getByRole("button", { name: "New quiz (draw other questions)" }).click();
  await expect(page.getByText("Question 1 of 20")).toBeVisible();
});
