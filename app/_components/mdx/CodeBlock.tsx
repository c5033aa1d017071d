import { isValidElement, type ReactElement, type ReactNode } from "react";

type CodeProps = {
  className?: string;
  children?: ReactNode;
  "data-title"?: string;
  "data-aws-command"?: string;
};

const languageNames: Record<string, string> = {
  bash: "Shell",
  sh: "Shell",
  shell: "Shell",
  console: "Terminal",
  json: "JSON",
  yaml: "YAML",
  yml: "YAML",
  python: "Python",
  text: "Text",
};

const actionButton = "rounded px-2 py-0.5 text-xs font-medium";

/**
 * A fenced code block: highlighted at build time, with its language, an
 * optional title and a copy button. Blocks that run `aws` commands get a
 * "Run in sandbox" button too. Both buttons are plain HTML here; one client
 * listener (CodeBlockActions) serves every block on the page.
 */
export function CodeBlock({ children }: { children?: ReactNode }) {
  const code = isValidElement(children) ? (children as ReactElement<CodeProps>) : undefined;
  const props = code?.props ?? {};
  const language = /language-([\w-]+)/.exec(props.className ?? "")?.[1];
  const title = props["data-title"];
  const isCommand = props["data-aws-command"] === "true";
  const label = isCommand ? "AWS CLI" : language ? (languageNames[language] ?? language) : "Code";
  return (
    <figure className="code-block not-prose my-5 overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700" data-aws-command={isCommand ? "true" : undefined}>
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 bg-slate-100 px-3 py-1.5 dark:border-slate-700 dark:bg-slate-900">
        <figcaption className="truncate text-xs font-medium text-slate-700 dark:text-slate-300">
          {title ? (
            <>
              {title} <span className="text-slate-600 dark:text-slate-400">· {label}</span>
            </>
          ) : (
            label
          )}
        </figcaption>
        <div className="flex shrink-0 items-center gap-2">
          {isCommand ? (
            <button type="button" data-code-action="run" data-scenario="chapter-27" data-run-in-sandbox="" className={`${actionButton} bg-brand-600 text-white hover:bg-brand-700`}>
              Run in sandbox
            </button>
          ) : null}
          <button
            type="button"
            data-code-action="copy"
            className={`${actionButton} text-slate-700 ring-1 ring-slate-300 hover:bg-white dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800`}
          >
            Copy
          </button>
          <span role="status" data-code-status="" className="sr-only" />
        </div>
      </div>
      <pre tabIndex={0} className="overflow-x-auto p-4 text-[0.85rem] leading-relaxed">
        {children}
      </pre>
    </figure>
  );
}
