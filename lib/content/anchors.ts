/** The id of the element marking where an exam point is taught on a section page. */
export function examPointAnchor(examPointId: string): string {
  return `exam-point-${examPointId}`;
}
