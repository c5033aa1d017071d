import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, renameSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildCourse } from "@/lib/content/course";
import { ContentErrors } from "@/lib/content/content-error";

const fixture = path.resolve("tests/fixtures/course");
const temporary: string[] = [];

/** A copy of the fixture course, changed by `edit`, to break one rule at a time. */
function courseWith(edit: (root: string) => void): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "course-"));
  temporary.push(root);
  cpSync(fixture, root, { recursive: true });
  edit(root);
  return root;
}

function replaceIn(file: string, from: string, to: string) {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`fixture ${file} lacks ${from}`);
  writeFileSync(file, text.replace(from, to));
}

async function errorsOf(root: string): Promise<string[]> {
  try {
    await buildCourse(root);
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors.map((e) => e.reason);
    throw error;
  }
  throw new Error("expected the course to be rejected");
}

afterEach(() => {
  for (const root of temporary.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("building a course", () => {
  it("builds the fixture course with chapters, sections, neighbours and totals", async () => {
    const course = await buildCourse(fixture);
    expect(course.catalogue.map((entry) => `${entry.number}:${entry.status}`)).toEqual(["1:published", "2:planned"]);
    const [chapter] = course.chapters;
    expect(chapter?.sections.map((section) => [section.slug, section.href])).toEqual([
      ["first", "/chapters/demo/first"],
      ["second", "/chapters/demo/second"],
    ]);
    expect(chapter?.minutes).toBe(2);
  });

  it("requires every exam point to be taught somewhere", async () => {
    const root = courseWith((dir) =>
      writeFileSync(path.join(dir, "exam-points.yaml"), readFileSync(path.join(dir, "exam-points.yaml"), "utf8") + "- id: kms.untaught\n  title: Never taught\n  statement: A point that no section teaches at all.\n"),
    );
    expect(await errorsOf(root)).toEqual(['exam point "kms.untaught" is not taught by any section (list it in a section\'s examPoints and mark it with <ExamPoint>)']);
  });

  it("requires internal links and their anchors to resolve", async () => {
    const root = courseWith((dir) => replaceIn(path.join(dir, "chapters/demo/01-first.mdx"), "/chapters/demo/second#key-types", "/chapters/demo/third"));
    expect(await errorsOf(root)).toEqual(["link to /chapters/demo/third: no such page"]);
    const anchor = courseWith((dir) => replaceIn(path.join(dir, "chapters/demo/01-first.mdx"), "#key-types", "#nowhere"));
    expect(await errorsOf(anchor)).toEqual(['link to /chapters/demo/second#nowhere: no heading or exam point with id "nowhere" on that page']);
  });

  it("resolves a link to #anchor against the headings of its own page", async () => {
    const fine = courseWith((dir) => writeFileSync(path.join(dir, "chapters/demo/02-second.mdx"), readFileSync(path.join(dir, "chapters/demo/02-second.mdx"), "utf8") + "\nSee [key types](#key-types) above.\n"));
    await expect(buildCourse(fine)).resolves.toBeDefined();
    const moved = courseWith((dir) => writeFileSync(path.join(dir, "chapters/demo/02-second.mdx"), readFileSync(path.join(dir, "chapters/demo/02-second.mdx"), "utf8") + "\nSee [the old heading](#moved-away) above.\n"));
    expect(await errorsOf(moved)).toEqual(['link to #moved-away: no heading or exam point with id "moved-away" on that page']);
  });

  it("never lets a page link to a planned chapter", async () => {
    const root = courseWith((dir) => replaceIn(path.join(dir, "chapters/demo/01-first.mdx"), "/chapters/demo/second#key-types", "/chapters/later"));
    expect(await errorsOf(root)).toEqual(["link to /chapters/later: no such page"]);
  });

  it("requires each correction to be shown in its section", async () => {
    const root = courseWith((dir) => replaceIn(path.join(dir, "chapters/demo/02-second.mdx"), '<Correction id="rotation" />', ""));
    expect(await errorsOf(root)).toEqual(['correction "rotation" belongs to this section (content/errata.yaml) but it has no <Correction id="rotation" />']);
  });

  it("rejects duplicate question ids across sections, a sandbox task's included", async () => {
    const root = courseWith((dir) =>
      writeFileSync(
        path.join(dir, "chapters/demo/02-second.mdx"),
        readFileSync(path.join(dir, "chapters/demo/02-second.mdx"), "utf8") +
          '\n<Quiz id="demo-one" examPoints={["kms.key-types"]} difficulty="easy" question="Again?" choices={[{ text: "yes", why: "x" }, { text: "no", why: "y" }, { text: "maybe", why: "z" }]} answer={0} explanation="Ids are unique." />\n' +
          '\n<Quiz id="demo-alias" examPoints={["kms.key-types"]} difficulty="easy" question="Again?" choices={[{ text: "yes", why: "x" }, { text: "no", why: "y" }, { text: "maybe", why: "z" }]} answer={0} explanation="Ids are unique." />\n',
      ),
    );
    expect(await errorsOf(root)).toEqual([
      expect.stringMatching(/^question id "demo-one" is already used in .*01-first\.mdx:15$/),
      expect.stringMatching(/^question id "demo-alias" is already used in .*01-first\.mdx:17$/),
    ]);
  });

  it("rejects a reading time that does not match the text", async () => {
    const root = courseWith((dir) => replaceIn(path.join(dir, "chapters/demo/02-second.mdx"), "minutes: 1", "minutes: 9"));
    expect(await errorsOf(root)).toEqual(["minutes: 9 does not match the content; it reads in about 1"]);
  });

  it("checks section numbering against file names", async () => {
    const root = courseWith((dir) => renameSync(path.join(dir, "chapters/demo/02-second.mdx"), path.join(dir, "chapters/demo/03-second.mdx")));
    expect(await errorsOf(root)).toEqual(
      expect.arrayContaining(["frontmatter order 2 does not match the file name's 3", "sections must be numbered 01, 02, ... without gaps; expected 02"]),
    );
  });

  it("keeps the catalogue and the chapter folders in step", async () => {
    const planned = courseWith((dir) => mkdirSync(path.join(dir, "chapters/later")));
    expect(await errorsOf(planned)).toEqual([expect.stringMatching(/^chapter 2 "later" is planned but .* exists; mark it published$/)]);
    const stray = courseWith((dir) => mkdirSync(path.join(dir, "chapters/stray")));
    expect(await errorsOf(stray)).toEqual(["folder is not listed in content/catalogue.yaml"]);
  });

  it("reports invalid YAML data files at their line", async () => {
    const root = courseWith((dir) => replaceIn(path.join(dir, "exam-points.yaml"), "id: kms.key-types", "id: KMS Key Types"));
    const messages = await errorsOf(root);
    expect(messages).toEqual([expect.stringMatching(/^1\.id: ids look like kms\.envelope-encryption/)]);
  });
});
