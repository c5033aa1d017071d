import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ContentErrors } from "@/lib/content/content-error";
import { courseLoader } from "@/lib/content/course";

/**
 * The authoring loop (issue 12): in development an edited section shows on the
 * next load, an unchanged tree is not rebuilt, and only the edited section is
 * compiled again. In production the course is built once.
 */
let root: string;
const second = () => path.join(root, "chapters/demo/02-second.mdx");

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "course-loader-"));
  cpSync("tests/fixtures/course", root, { recursive: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

describe("loading the course in development", () => {
  beforeEach(() => {
    vi.stubEnv("NODE_ENV", "development");
  });

  it("reuses the course while no content file changes", async () => {
    const load = courseLoader(root);
    const first = await load();
    expect(await load()).toBe(first);
  });

  it("shows an edit on the next load, recompiling only the edited section", async () => {
    const load = courseLoader(root);
    const before = await load();
    appendFileSync(second(), "\nA sentence the author just added.\n");
    const after = await load();
    expect(after).not.toBe(before);
    const [firstBefore, secondBefore] = before.chapters[0]!.sections;
    const [firstAfter, secondAfter] = after.chapters[0]!.sections;
    expect(secondAfter!.code).toContain("A sentence the author just added.");
    expect(secondBefore!.code).not.toContain("A sentence the author just added.");
    expect(secondAfter!.facts).not.toBe(secondBefore!.facts);
    // The untouched section's compilation is the one made before the edit.
    expect(firstAfter!.facts).toBe(firstBefore!.facts);
  });

  it("reports a broken edit, and recovers once the file is fixed", async () => {
    const load = courseLoader(root);
    const good = readFileSync(second(), "utf8");
    await load();
    writeFileSync(second(), `${good}\n<NoSuchComponent />\n`);
    await expect(load()).rejects.toBeInstanceOf(ContentErrors);
    writeFileSync(second(), good);
    const fixed = await load();
    expect(fixed.chapters[0]!.sections).toHaveLength(2);
  });
});

describe("loading the course in production", () => {
  it("builds it once, whatever happens to the files afterwards", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const load = courseLoader(root);
    const first = await load();
    appendFileSync(second(), "\nAn edit after the build.\n");
    expect(await load()).toBe(first);
  });
});
