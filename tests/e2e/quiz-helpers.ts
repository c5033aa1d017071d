import type { Page } from "@playwright/test";
import type { QuizQuestion } from "@/lib/quiz/question-schema";
import { courseData } from "./course-data";

/** A question as the author wrote it, with the section that teaches it. */
export type AuthoredQuestion = QuizQuestion & { section: { chapter: string; slug: string; title: string; href: string } };

/** The choice questions as the author wrote them in the MDX (the tests' oracle), by id. */
export async function bank(): Promise<Map<string, AuthoredQuestion>> {
  const questions = (await courseData()).chapters.flatMap((chapter) =>
    chapter.sections.flatMap((section) =>
      section.facts.quizzes.map((quiz) => ({ ...(quiz.props as QuizQuestion), section: { chapter: chapter.slug, slug: section.slug, title: section.title, href: section.href } })),
    ),
  );
  return new Map(questions.map((question) => [question.id, question]));
}

/** Gives the author's right answer in a question's form, by the options' text, as a learner would. */
export async function answerRight(form: ReturnType<Page["locator"]>, question: QuizQuestion) {
  switch (question.type) {
    case "single-choice":
      await form.getByRole("radio", { name: question.choices[question.answer]!.text, exact: true }).check();
      return;
    case "multiple-response":
      for (const answer of question.answers) await form.getByRole("checkbox", { name: question.choices[answer]!.text, exact: true }).check();
      return;
    case "matching":
      for (const [index, prompt] of question.prompts.entries()) await form.getByRole("combobox").nth(index).selectOption({ label: question.options[prompt.answer]! });
      return;
    case "ordering": {
      // Bubble each step up to its place with the Move up buttons, as a keyboard user would.
      for (const [place, item] of question.items.entries()) {
        for (;;) {
          const texts = await form.locator("ol > li").evaluateAll((rows) => rows.map((row) => row.querySelector("span.flex-1")?.firstChild?.textContent ?? ""));
          const at = texts.indexOf(item.text);
          if (at <= place) break;
          await form.getByRole("button", { name: `Move up: ${item.text}` }).click();
        }
      }
      if (await form.getByRole("button", { name: "This order is right" }).isVisible()) await form.getByRole("button", { name: "This order is right" }).click();
    }
  }
}
