/**
 * Item analysis of a class's answers, as classical test theory defines it,
 * from each student's first answer to each question (before feedback could
 * teach them the answer):
 *
 * - facility: the share of the students who answered the question that got
 *   it right (0 to 1; low is hard);
 * - discrimination: the corrected item-total (point-biserial) correlation:
 *   Pearson's r between getting this question right (1/0) and the student's
 *   share right on the other questions they answered. Near 0 or negative
 *   means the question does not separate students who know the material
 *   from those who do not. Left out (null) below MIN_STUDENTS students, or
 *   when either side does not vary.
 */

export const MIN_STUDENTS = 5;

export interface FirstAnswer {
  userId: string;
  questionId: string;
  correct: boolean;
}

export interface ItemStatistics {
  questionId: string;
  students: number;
  facility: number;
  discrimination: number | null;
}

function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let index = 0; index < n; index++) {
    const dx = xs[index]! - meanX;
    const dy = ys[index]! - meanY;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  return varianceX === 0 || varianceY === 0 ? null : covariance / Math.sqrt(varianceX * varianceY);
}

/** Statistics per question, hardest first. `answers` holds one first answer per student and question. */
export function itemAnalysis(answers: readonly FirstAnswer[]): ItemStatistics[] {
  const byStudent = new Map<string, { right: number; answered: number }>();
  const byQuestion = new Map<string, FirstAnswer[]>();
  for (const answer of answers) {
    const totals = byStudent.get(answer.userId) ?? { right: 0, answered: 0 };
    totals.right += answer.correct ? 1 : 0;
    totals.answered += 1;
    byStudent.set(answer.userId, totals);
    const group = byQuestion.get(answer.questionId);
    if (group) group.push(answer);
    else byQuestion.set(answer.questionId, [answer]);
  }
  const statistics: ItemStatistics[] = [];
  for (const [questionId, group] of byQuestion) {
    const facility = group.filter((answer) => answer.correct).length / group.length;
    let discrimination: number | null = null;
    const scored = group.filter((answer) => byStudent.get(answer.userId)!.answered > 1);
    if (scored.length >= MIN_STUDENTS) {
      const item = scored.map((answer) => (answer.correct ? 1 : 0));
      const rest = scored.map((answer) => {
        const totals = byStudent.get(answer.userId)!;
        return (totals.right - (answer.correct ? 1 : 0)) / (totals.answered - 1);
      });
      discrimination = pearson(item, rest);
    }
    statistics.push({ questionId, students: group.length, facility, discrimination });
  }
  return statistics.sort((a, b) => a.facility - b.facility || a.questionId.localeCompare(b.questionId));
}
