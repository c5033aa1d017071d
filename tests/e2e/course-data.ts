import { buildCourse, type Course } from "../../lib/content/course";

let course: Promise<Course> | undefined;

/** The compiled course, the oracle for what every page must show. */
export function courseData(): Promise<Course> {
  course ??= buildCourse();
  return course;
}
