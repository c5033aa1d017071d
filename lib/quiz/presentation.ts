/**
 * How a question is shown, and how what the learner does on screen maps back
 * to the question as authored. A view names options by their position on
 * screen; the presentation's map says which authored option each position
 * holds. A practice exam keeps the map on the server, so the page holds the
 * question without its answer: for ordering, the authored order *is* the
 * answer, so the items reach the page shuffled and unlabelled.
 */
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { QuizQuestion } from "./question-schema";
import type { Response } from "./grading";

export type QuestionView =
  | { id: string; type: "single-choice"; question: string; options: string[] }
  | { id: string; type: "multiple-response"; question: string; options: string[]; choose: number }
  | { id: string; type: "ordering"; question: string; options: string[] }
  | { id: string; type: "matching"; question: string; prompts: string[]; options: string[] };

/**
 * A response in screen positions, as JSON can carry it.
 * Ordering: the positions of `options` in the order the learner put them.
 * Matching: for each prompt, the position of the option chosen (null: none yet).
 */
export type ViewResponse =
  | { type: "single-choice"; choice: number | null }
  | { type: "multiple-response"; choices: number[] }
  | { type: "ordering"; order: number[] }
  | { type: "matching"; pairs: (number | null)[] };

/** `options[position]` is the authored index of the option shown at that position (choices, or ordering items). */
export interface PresentationMap {
  options: number[];
}

export interface Presentation {
  view: QuestionView;
  map: PresentationMap;
}

/** A Fisher–Yates shuffle of 0..n-1 driven by `random` (values in [0, 1)). */
export function permutation(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, index) => index);
  for (let index = n - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return order;
}

/**
 * The question on screen. Ordering items are always shuffled (in their
 * authored order they would give the answer away); choices are shuffled when
 * `shuffleChoices` is set, as the exam does. Matching keeps its order: the
 * prompts and options carry no answer in their order.
 */
export function present(question: QuizQuestion, random: () => number, options: { shuffleChoices?: boolean } = {}): Presentation {
  const { id, question: stem } = question;
  switch (question.type) {
    case "single-choice":
    case "multiple-response": {
      const map = options.shuffleChoices ? permutation(question.choices.length, random) : question.choices.map((_, index) => index);
      const shown = map.map((index) => question.choices[index]!.text);
      const view: QuestionView =
        question.type === "single-choice"
          ? { id, type: "single-choice", question: stem, options: shown }
          : { id, type: "multiple-response", question: stem, options: shown, choose: question.answers.length };
      return { view, map: { options: map } };
    }
    case "ordering": {
      let map = permutation(question.items.length, random);
      // A shuffle that lands on the right order would hand out the answer: turn it once more.
      if (map.every((item, position) => item === position)) map = [...map.slice(1), map[0]!];
      return { view: { id, type: "ordering", question: stem, options: map.map((index) => question.items[index]!.text) }, map: { options: map } };
    }
    case "matching":
      return {
        view: { id, type: "matching", question: stem, prompts: question.prompts.map((prompt) => prompt.text), options: [...question.options] },
        map: { options: question.options.map((_, index) => index) },
      };
  }
}

/** The view a map gives (what present() showed), rebuilt from the question and the map the server kept. */
export function viewOf(question: QuizQuestion, map: PresentationMap): QuestionView {
  const { id, question: stem } = question;
  switch (question.type) {
    case "single-choice":
      return { id, type: "single-choice", question: stem, options: map.options.map((index) => question.choices[index]!.text) };
    case "multiple-response":
      return { id, type: "multiple-response", question: stem, options: map.options.map((index) => question.choices[index]!.text), choose: question.answers.length };
    case "ordering":
      return { id, type: "ordering", question: stem, options: map.options.map((index) => question.items[index]!.text) };
    case "matching":
      return { id, type: "matching", question: stem, prompts: question.prompts.map((prompt) => prompt.text), options: [...question.options] };
  }
}

/** A response nobody has given yet, for a view. */
export function emptyResponse(view: QuestionView): ViewResponse {
  switch (view.type) {
    case "single-choice":
      return { type: "single-choice", choice: null };
    case "multiple-response":
      return { type: "multiple-response", choices: [] };
    case "ordering":
      return { type: "ordering", order: view.options.map((_, index) => index) };
    case "matching":
      return { type: "matching", pairs: view.prompts.map(() => null) };
  }
}

/**
 * The response in authored indexes, for grade(). An ordering left exactly as
 * shown counts as unanswered only when `touched` is false: the learner may
 * have found it already right.
 */
export function toAuthoredResponse(map: PresentationMap, response: ViewResponse): Response {
  const authored = (position: number) => map.options[position]!;
  switch (response.type) {
    case "single-choice":
      return { type: "single-choice", choice: response.choice === null ? undefined : authored(response.choice) };
    case "multiple-response":
      return { type: "multiple-response", choices: response.choices.map(authored) };
    case "ordering":
      return { type: "ordering", order: response.order.map(authored) };
    case "matching":
      // Matching options are not shuffled, so an option's position is its authored index.
      return { type: "matching", pairs: new Map(response.pairs.flatMap((option, prompt) => (option === null ? [] : [[prompt, option] as const]))) };
  }
}

/** The right response in screen positions, for showing after grading. */
export function correctViewResponse(question: QuizQuestion, map: PresentationMap): ViewResponse {
  const position = (authored: number) => map.options.indexOf(authored);
  switch (question.type) {
    case "single-choice":
      return { type: "single-choice", choice: position(question.answer) };
    case "multiple-response":
      return { type: "multiple-response", choices: question.answers.map(position).sort((a, b) => a - b) };
    case "ordering":
      return { type: "ordering", order: question.items.map((_, index) => position(index)) };
    case "matching":
      return { type: "matching", pairs: question.prompts.map((prompt) => prompt.answer) };
  }
}

/** Each option's reason in screen positions (for matching: each prompt's). */
export function reasonsInView(question: QuizQuestion, map: PresentationMap): string[] {
  switch (question.type) {
    case "single-choice":
    case "multiple-response":
      return map.options.map((index) => question.choices[index]!.why);
    case "ordering":
      return map.options.map((index) => question.items[index]!.why);
    case "matching":
      return question.prompts.map((prompt) => prompt.why);
  }
}

/** Whether the learner has given any answer (an untouched ordering is not an answer). */
export function isAnswered(response: ViewResponse, touched = true): boolean {
  switch (response.type) {
    case "single-choice":
      return response.choice !== null;
    case "multiple-response":
      return response.choices.length > 0;
    case "ordering":
      return touched;
    case "matching":
      return response.pairs.some((option) => option !== null);
  }
}

/** Values in [0, 1) from pure-rand's xoroshiro128+: the same seed draws the same questions in the same order. */
export function seededRandom(seed: number): () => number {
  const generator = xoroshiro128plus(seed | 0);
  return () => (generator.next() >>> 0) / 2 ** 32;
}

/** A seed from a string (FNV-1a), so a question's inline shuffle is the same on the server and in the browser. */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}
