import { describe, expect, it } from "vitest";
import { giftText, toGift } from "@/lib/quiz/export/gift";
import { sampleQuestion } from "./sample-question";

/**
 * GIFT as Moodle reads it (docs.moodle.org "GIFT format", and what Moodle's
 * own exporter writes): `::name::question{ =right ~wrong ####general feedback }`,
 * with ~ = # { } : and the backslash escaped by a backslash, a line break
 * written as \n, and `$CATEGORY:` lines that put the questions after them in
 * a category. The expected texts below are written by hand from those rules.
 */
describe("the question bank in GIFT", () => {
  it("writes a category, the id as the name, one right and the wrong choices, and the explanation as general feedback", () => {
    expect(toGift([sampleQuestion()])).toBe(
      [
        "$CATEGORY: $course$/Keystone/demo/First steps",
        "",
        "// kms-demo: exam points kms.envelope-encryption; taught in /chapters/demo/first",
        "::kms-demo::What encrypts the data?{",
        "\t~The KMS key",
        "\t=A data key",
        "\t####KMS keys encrypt at most 4 KB.",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("escapes what GIFT reserves, so a choice such as {\"Key\": \"a=b\"} stays one choice", () => {
    expect(giftText('Use {"Key": "a=b"} ~ or #1 \\ here')).toBe('Use \\{"Key"\\: "a\\=b"\\} \\~ or \\#1 \\\\ here');
    expect(giftText("two\r\nlines")).toBe("two\\nlines");
    const gift = toGift([sampleQuestion({ question: "Which policy: A or B?", choices: ['{"Effect": "Allow"}', "=deny"], answer: 0, explanation: "See #3." })]);
    expect(gift).toContain('::kms-demo::Which policy\\: A or B?{\n\t=\\{"Effect"\\: "Allow"\\}\n\t~\\=deny\n\t####See \\#3.\n}\n');
  });

  it("starts a new category only when the section changes, and doubles a / inside a category name", () => {
    const second = sampleQuestion({ id: "kms-two" });
    const other = sampleQuestion({ id: "ssm-one", section: { chapter: "demo", slug: "second", title: "Paths a/b", href: "/chapters/demo/second" } });
    const gift = toGift([sampleQuestion(), second, other]);
    expect(gift.match(/^\$CATEGORY: .*$/gm)).toEqual(["$CATEGORY: $course$/Keystone/demo/First steps", "$CATEGORY: $course$/Keystone/demo/Paths a//b"]);
    expect(gift.indexOf("::kms-two::")).toBeLessThan(gift.indexOf("$CATEGORY: $course$/Keystone/demo/Paths"));
  });
});
