import { compileSection, type CompiledSection, type CompileInput } from "./compile-section";

/**
 * compileSection, remembered per file while its inputs stay the same. In
 * development the course is rebuilt whenever a content file changes; without
 * this every rebuild recompiled all sections with esbuild, so editing one
 * section cost the whole course (26-35 s). The result depends only on the
 * source and the ids it may refer to, so those make the key.
 */
const compiled = new Map<string, { key: string; result: Promise<CompiledSection> }>();

export function compileSectionCached(input: CompileInput): Promise<CompiledSection> {
  const key = [input.source, [...input.examPointIds].sort().join("\n"), [...input.errataIds].sort().join("\n")].join("\0");
  const known = compiled.get(input.file);
  if (known && known.key === key) return known.result;
  const result = compileSection(input);
  // One entry per file: an edited section replaces its old compilation, and a
  // failed one is forgotten so that fixing the file compiles it again.
  compiled.set(input.file, { key, result });
  result.catch(() => {
    if (compiled.get(input.file)?.result === result) compiled.delete(input.file);
  });
  return result;
}
