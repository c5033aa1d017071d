import type { ReactNode } from "react";

type HeadingProps = { id?: string; children?: ReactNode };

/** Section headings with a link to themselves, so a learner can share or bookmark a spot. */
function anchored(Tag: "h2" | "h3") {
  return function Heading({ id, children }: HeadingProps) {
    return (
      <Tag id={id} className="group scroll-mt-24">
        {children}
        {id ? (
          <a href={`#${id}`} className="ml-2 text-slate-400 no-underline opacity-0 group-hover:opacity-100 focus:opacity-100" aria-label="Link to this heading">
            #
          </a>
        ) : null}
      </Tag>
    );
  };
}

export const H2 = anchored("h2");
export const H3 = anchored("h3");
