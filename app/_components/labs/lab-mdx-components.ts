import { markdownElements, registeredComponents } from "../mdx/mdx-components";
import { LabStepCard } from "./LabStepCard";

/** The chapters' MDX components plus the lab's steps, which only lab pages render. */
export const labComponents = { ...markdownElements, ...registeredComponents, LabStep: LabStepCard };
