import GithubSlugger from "github-slugger";
import type { Element, ElementContent, Root } from "hast";
import { visit } from "unist-util-visit";
import type { Heading } from "./section-facts";

/**
 * Gives every h2 and h3 a stable id (GitHub's slug rules, unique per page)
 * and records them for the page's table of contents.
 */
export function rehypeHeadings(headings: Heading[]) {
  return () => (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "h2" && node.tagName !== "h3") return;
      const text = textOf(node).trim();
      const id = slugger.slug(text);
      node.properties = { ...node.properties, id };
      headings.push({ depth: node.tagName === "h2" ? 2 : 3, id, text });
    });
  };
}

function textOf(node: Element | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}
