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
        "// kms-demo: single-choice, easy; exam points kms.envelope-encryption; taught in /chapters/demo/first",
        "::kms-demo::What encrypts the data?{",
        "\t~The KMS key#It encrypts the data key, not the data.",
        "\t=A data key#Right\\: the data key encrypts the data locally.",
        "\t~The root user#A user is not a key.",
        "\t####KMS keys encrypt at most 4 KB.",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("escapes what GIFT reserves, so a choice such as {\"Key\": \"a=b\"} stays one choice", () => {
    expect(giftText('Use {"Key": "a=b"} ~ or #1 \\ here')).toBe('Use \\{"Key"\\: "a\\=b"\\} \\~ or \\#1 \\\\ here');
    expect(giftText("two\r\nlines")).toBe("two\\nlines");
    const gift = toGift([sampleQuestion({ question: "Which policy: A or B?", choices: [{ text: '{"Effect": "Allow"}', why: "a~b" }, { text: "=deny", why: "no" }, { text: "x", why: "y" }], answer: 0, explanation: "See #3." })]);
    expect(gift).toContain('::kms-demo::Which policy\\: A or B?{\n\t=\\{"Effect"\\: "Allow"\\}#a\\~b\n\t~\\=deny#no\n\t~x#y\n\t####See \\#3.\n}\n');
  });

  it("writes multiple response with weights (right answers share 100%, a wrong one costs all), matching as pairs, ordering as step-to-position pairs", () => {
    const base = sampleQuestion();
    const { answer: _answer, choices: _choices, type: _type, ...common } = base;
    const multiple = { ...common, id: "two", type: "multiple-response" as const, question: "Which two? (Choose two.)", choices: [{ text: "A", why: "ra" }, { text: "B", why: "rb" }, { text: "C", why: "rc" }, { text: "D", why: "rd" }], answers: [0, 2] };
    const ordering = { ...common, id: "order", type: "ordering" as const, question: "In what order?", items: [{ text: "First", why: "w1" }, { text: "Second", why: "w2" }, { text: "Third", why: "w3" }] };
    const matching = { ...common, id: "match", type: "matching" as const, question: "Which service?", options: ["KMS", "Secrets Manager", "Parameter Store"], prompts: [{ text: "Keys", answer: 0, why: "k" }, { text: "Rotating passwords", answer: 1, why: "s" }, { text: "Data -> config", answer: 0, why: "c" }] };
    const gift = toGift([multiple, ordering, matching]);
    expect(gift).toContain("::two::Which two? (Choose two.){\n\t~%50%A#ra\n\t~%-100%B#rb\n\t~%50%C#rc\n\t~%-100%D#rd\n\t####KMS keys encrypt at most 4 KB.\n}\n");
    expect(gift).toContain("::order::In what order? (Match each step to its position.){\n\t=First -> 1st\n\t=Second -> 2nd\n\t=Third -> 3rd\n\t####KMS keys encrypt at most 4 KB.\\n1st\\: w1\\n2nd\\: w2\\n3rd\\: w3\n}\n");
    // Parameter Store is matched by no prompt: a distractor, written "= -> option"; a "->" inside a text becomes an arrow.
    expect(gift).toContain("::match::Which service?{\n\t=Keys -> KMS\n\t=Rotating passwords -> Secrets Manager\n\t=Data → config -> KMS\n\t= -> Parameter Store\n");
  });

  it("starts a new category only when the section changes, and doubles a / inside a category name", () => {
    const second = sampleQuestion({ id: "kms-two" });
    const other = sampleQuestion({ id: "ssm-one", section: { chapter: "demo", slug: "second", title: "Paths a/b", href: "/chapters/demo/second" } });
    const gift = toGift([sampleQuestion(), second, other]);
    expect(gift.match(/^\$CATEGORY: .*$/gm)).toEqual(["$CATEGORY: $course$/Keystone/demo/First steps", "$CATEGORY: $course$/Keystone/demo/Paths a//b"]);
    expect(gift.indexOf("::kms-two::")).toBeLessThan(gift.indexOf("$CATEGORY: $course$/Keystone/demo/Paths"));
  });
});
