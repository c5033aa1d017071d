/**
 * Quoting text so the shell would read it back as one word: single quotes
 * as `set -x` and `declare -p` print them, backslashes as `printf %q` does.
 */

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(text: string): string {
  if (text === "") return "''";
  if (SAFE.test(text)) return text;
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/** `printf %q`: backslash-escaped, or $'...' when there are control characters. */
export function printfQuote(text: string): string {
  if (text === "") return "''";
  if (/[\x00-\x1f\x7f]/.test(text)) {
    const body = [...text]
      .map((char) => {
        const code = char.charCodeAt(0);
        if (char === "\n") return "\\n";
        if (char === "\t") return "\\t";
        if (char === "\r") return "\\r";
        if (char === "\x1b") return "\\E";
        if (char === "'" || char === "\\") return `\\${char}`;
        if (code < 0x20 || code === 0x7f) return `\\${code.toString(8).padStart(3, "0")}`;
        return char;
      })
      .join("");
    return `$'${body}'`;
  }
  return text.replace(/[^A-Za-z0-9_@%+=:,./-]/g, (char) => (char.charCodeAt(0) > 0x7f ? char : `\\${char}`)).replace(/^~/, "\\~");
}
