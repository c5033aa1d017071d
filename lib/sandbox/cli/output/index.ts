/**
 * The output formatters (awscli/formatter.py): which response data each
 * format prints, when --query is applied (per page for text and
 * yaml-stream, once on the merged result otherwise), and that an empty
 * result `{}` prints nothing.
 */
import type { PageIterator } from "../paginate";
import { jsonDumps } from "../python/json";
import { isDict, PyDict, PyException, type PyValue } from "../python/values";
import type { CompiledQuery } from "../query";
import { formatTable } from "./table";
import { formatText } from "./text";
import { dumpYaml } from "./yaml";

export const OUTPUT_FORMATS = ["json", "text", "table", "yaml", "yaml-stream"] as const;

export interface FormatOptions {
  output: string;
  query: CompiledQuery | null;
  color: string;
  terminalWidth: number;
}

function isEmptyDict(value: PyValue): boolean {
  return isDict(value) && value.size === 0;
}

/** Prints a response through `write` (text output is written page by page, as the CLI streams it). */
export function formatResponse(commandName: string, response: PyDict | PageIterator, options: FormatOptions, write: (text: string) => void): void {
  const paginated = !(response instanceof PyDict);
  const applyQuery = (data: PyValue): PyValue => (options.query ? options.query.search(data) : data);
  switch (options.output) {
    case "json": {
      const data = applyQuery(paginated ? response.buildFullResult() : response);
      if (!isEmptyDict(data)) write(jsonDumps(data, 4) + "\n");
      return;
    }
    case "yaml": {
      const data = applyQuery(paginated ? response.buildFullResult() : response);
      if (!isEmptyDict(data)) write(dumpYaml(data));
      return;
    }
    case "yaml-stream": {
      if (paginated) for (const page of response) write(dumpYaml([applyQuery(page)]));
      else {
        const data = applyQuery(response);
        if (!isEmptyDict(data)) write(dumpYaml([data]));
      }
      return;
    }
    case "table": {
      const data = applyQuery(paginated ? response.buildFullResult() : response);
      write(formatTable(commandName, data, { terminalWidth: options.terminalWidth, color: options.color === "on" }));
      return;
    }
    case "text": {
      if (!paginated) {
        const out: string[] = [];
        formatText(applyQuery(response), out);
        write(out.join(""));
        return;
      }
      let index = 0;
      for (const page of response) {
        const current = new PyDict();
        for (const key of response.resultKeys) current.set(key, page.has(key) ? page.get(key)! : null);
        const out: string[] = [];
        formatText(applyQuery(current), out);
        write(out.join(""));
        index++;
      }
      if (response.resumeToken) {
        const out: string[] = [];
        formatText(applyQuery(PyDict.from([["NextToken", PyDict.from([["NextToken", response.resumeToken]])]])), out);
        write(out.join(""));
      }
      return;
    }
    default:
      throw new PyException("ValueError", `Unknown output type: ${options.output}`);
  }
}
