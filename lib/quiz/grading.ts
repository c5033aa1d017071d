/**
 * Grading, as AWS grades its exams: a question earns its credit only when
 * every part of the response is right. AWS's exam guides say so for each
 * type: multiple response ("select all the correct responses to receive
 * credit"), ordering (the right responses in the right order) and matching
 * (all the pairs). There is no penalty for a wrong answer beyond the missed
 * credit, and an unanswered question is wrong.
 */

/** What a learner answered, by question type. Choices and items are referred to by their index as authored. */
export type Response =
  | { type: "single-choice"; choice: number | undefined }
  | { type: "multiple-response"; choices: readonly number[] }
  | { type: "ordering"; order: readonly number[] }
  | { type: "matching"; pairs: ReadonlyMap<number, number> };

/** The key a response is graded against. */
export type AnswerKey =
  | { type: "single-choice"; answer: number }
  | { type: "multiple-response"; answers: readonly number[] }
  /** Items are authored in the right order: the key is 0, 1, 2... over `items` of them. */
  | { type: "ordering"; items: number }
  /** `answers[p]` is the index of the answer that goes with prompt p. */
  | { type: "matching"; answers: readonly number[] };

export interface Grade {
  correct: boolean;
  /** Whether the learner gave any answer at all (an unanswered question is wrong, and reported as such). */
  answered: boolean;
}

export class ResponseMismatchError extends Error {}

export function grade(key: AnswerKey, response: Response): Grade {
  if (key.type !== response.type) throw new ResponseMismatchError(`a ${response.type} response cannot answer a ${key.type} question`);
  switch (key.type) {
    case "single-choice": {
      const { choice } = response as Extract<Response, { type: "single-choice" }>;
      return { answered: choice !== undefined, correct: choice === key.answer };
    }
    case "multiple-response": {
      const chosen = new Set((response as Extract<Response, { type: "multiple-response" }>).choices);
      const right = new Set(key.answers);
      return { answered: chosen.size > 0, correct: chosen.size === right.size && [...right].every((answer) => chosen.has(answer)) };
    }
    case "ordering": {
      const { order } = response as Extract<Response, { type: "ordering" }>;
      return { answered: order.length > 0, correct: order.length === key.items && order.every((item, position) => item === position) };
    }
    case "matching": {
      const { pairs } = response as Extract<Response, { type: "matching" }>;
      return { answered: pairs.size > 0, correct: key.answers.length === pairs.size && key.answers.every((answer, prompt) => pairs.get(prompt) === answer) };
    }
  }
}

export interface Score {
  correct: number;
  answered: number;
  total: number;
  /** Share of the questions answered right, 0 to 1 (AWS reports a scaled score, whose mapping it does not publish). */
  fraction: number;
}

/** The raw score of an attempt: each question counts once, right or wrong. */
export function score(grades: readonly Grade[]): Score {
  const correct = grades.filter((entry) => entry.correct).length;
  return { correct, answered: grades.filter((entry) => entry.answered).length, total: grades.length, fraction: grades.length === 0 ? 0 : correct / grades.length };
}
