import { cache } from "react";
import { loadCourse } from "@/lib/content/course";

/**
 * The course for the page being rendered: every quiz, exam point and
 * correction on a page asks for it, and they share one load per request.
 */
export const courseForRequest = cache(loadCourse);
