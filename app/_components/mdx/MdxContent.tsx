import * as React from "react";
import * as jsxRuntime from "react/jsx-runtime";
import { getMDXComponent } from "mdx-bundler/client/jsx";
import { markdownElements, registeredComponents } from "./mdx-components";

const chapterComponents = { ...markdownElements, ...registeredComponents };
type ComponentMap = typeof chapterComponents;

/**
 * Renders a compiled section on the server. The compiled code runs against
 * this module's React (the server build), so only the client islands inside
 * (copy buttons, quizzes) reach the browser as JavaScript.
 */
export function MdxContent({ code, components = chapterComponents }: { code: string; components?: ComponentMap }) {
  const Content = getMDXComponent(code, { React, _jsx_runtime: jsxRuntime });
  // MDX types its component map loosely; ours is checked against the registry instead.
  return <Content components={components as Parameters<typeof Content>[0]["components"]} />;
}
