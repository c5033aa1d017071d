/**
 * Splits a shell snippet into logical lines (backslash continuations joined)
 * and returns those that invoke the AWS CLI, either at the start of the line
 * (after an optional `$ ` prompt) or inside a `$(...)` substitution.
 */
export function awsCommandLines(code: string): string[] {
  const logical: string[] = [];
  let pending = "";
  for (const raw of code.split("\n")) {
    const trimmed = raw.replace(/\s+$/, "");
    const line = pending ? trimmed.trimStart() : trimmed;
    if (line.endsWith("\\")) {
      pending += line.slice(0, -1).trimEnd() + " ";
      continue;
    }
    logical.push((pending + line).trim());
    pending = "";
  }
  if (pending) logical.push(pending.trim());
  return logical
    .map((line) => line.replace(/^\$\s+/, ""))
    .filter((line) => !line.startsWith("#") && /(^|\$\(\s*)aws\s/.test(line));
}
