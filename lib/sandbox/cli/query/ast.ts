/**
 * The tree jmespath/parser.py builds (jmespath/ast.py), typed. Node names are
 * Python's, so a reader can hold the port beside the original.
 */
import type { PyValue } from "../python/values";

export type Comparator = "eq" | "ne" | "lt" | "gt" | "lte" | "gte";

export type Node =
  | { type: "identity" }
  | { type: "current" }
  | { type: "field"; name: string }
  | { type: "literal"; value: PyValue }
  | { type: "index"; index: number }
  | { type: "slice"; start: number | null; stop: number | null; step: number | null }
  /** subexpression and index_expression are chains: each child applies to the previous one's result. */
  | { type: "subexpression" | "index_expression"; children: Node[] }
  | { type: "pipe" | "or_expression" | "and_expression" | "projection" | "value_projection"; left: Node; right: Node }
  | { type: "filter_projection"; left: Node; right: Node; condition: Node }
  | { type: "flatten" | "not_expression" | "expref"; child: Node }
  | { type: "comparator"; comparator: Comparator; left: Node; right: Node }
  | { type: "function_expression"; name: string; args: Node[] }
  | { type: "multi_select_list"; children: Node[] }
  | { type: "multi_select_dict"; pairs: { key: string; value: Node }[] };
