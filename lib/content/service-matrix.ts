/**
 * A use-case matrix the learner can question: services across the top,
 * needs down the side, and for each pair whether the service meets the need
 * and why. Ticking needs (or starting from a use case, which ticks its
 * needs) tells which services meet all of them. Pure functions of the
 * authored data, shared by the page, the build checks and the tests.
 */

export interface MatrixService {
  id: string;
  name: string;
}

export interface MatrixCell {
  meets: boolean;
  /** Why, in a sentence: shown in the cell. */
  note: string;
}

export interface MatrixNeed {
  id: string;
  label: string;
  /** A few words for lists ("automatic rotation"). */
  short: string;
  /** One cell per service id. */
  cells: Record<string, MatrixCell>;
}

export interface MatrixUseCase {
  name: string;
  recommended: string;
  why: string;
  /** Ids of the needs this use case usually has. */
  needs: string[];
  /** Ids of the recommended services among the matrix's columns. */
  services: string[];
}

export interface ServiceMatrixData {
  services: MatrixService[];
  needs: MatrixNeed[];
  useCases: MatrixUseCase[];
}

/** The services that meet every one of `needIds` (all services when none is given), in column order. */
export function servicesMeetingAll(data: ServiceMatrixData, needIds: readonly string[]): MatrixService[] {
  const needs = data.needs.filter((need) => needIds.includes(need.id));
  return data.services.filter((service) => needs.every((need) => need.cells[service.id]?.meets === true));
}

/** How many of `needIds` a service meets. */
export function needsMet(data: ServiceMatrixData, serviceId: string, needIds: readonly string[]): number {
  return data.needs.filter((need) => needIds.includes(need.id) && need.cells[serviceId]?.meets === true).length;
}

/** The needs a use case ticks, in the matrix's order. */
export function needsOf(data: ServiceMatrixData, useCaseName: string): string[] {
  const useCase = data.useCases.find((candidate) => candidate.name === useCaseName);
  if (!useCase) return [];
  return data.needs.filter((need) => useCase.needs.includes(need.id)).map((need) => need.id);
}

const list = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

/** The sentence announced after every change: which services meet all the ticked needs, or which come closest. */
export function verdict(data: ServiceMatrixData, needIds: readonly string[]): string {
  const ticked = data.needs.filter((need) => needIds.includes(need.id));
  if (ticked.length === 0) return "Tick what you need, or start from a use case, to see which services meet all of it.";
  const count = ticked.length === 1 ? "1 need" : `${ticked.length} needs`;
  const meeting = servicesMeetingAll(data, needIds);
  if (meeting.length === 1) return `${count} ticked. Only ${meeting[0]!.name} meets all of them.`;
  if (meeting.length > 1) return `${count} ticked. ${list(meeting.map((service) => service.name))} meet all of them.`;
  const best = Math.max(...data.services.map((service) => needsMet(data, service.id, needIds)));
  const closest = data.services.filter((service) => needsMet(data, service.id, needIds) === best).map((service) => service.name);
  return `${count} ticked. No single service meets all of them; ${list(closest)} ${closest.length === 1 ? "meets" : "meet"} ${best} of ${ticked.length}. Combine services, or drop a need.`;
}
