import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/course";
import { isChoiceQuestion, questionBank, type BankQuestion } from "@/lib/quiz/bank";
import { toQtiPackage } from "@/lib/quiz/export/qti";
import { sampleQuestion } from "./sample-question";

/**
 * The QTI 2.1 package, read back by Python's own zip and XML libraries (not
 * by this project's code): every file parses, the manifest lists one item
 * per question, and each item's correct response is the choice the MDX marks
 * right, with its text intact.
 */
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const READ_PACKAGE = String.raw`
import json, sys, zipfile
import xml.etree.ElementTree as ET
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
archive = zipfile.ZipFile(sys.argv[1])
manifest = ET.fromstring(archive.read("imsmanifest.xml"))
resources = [(r.get("identifier"), r.get("type"), r.get("href"), [f.get("href") for f in r.findall(CP + "file")]) for r in manifest.iter(CP + "resource")]
items = {}
for identifier, kind, href, files in resources:
    item = ET.fromstring(archive.read(href))
    declaration = item.find(f"{QTI}responseDeclaration")
    correct = [v.text for v in declaration.findall(f"{QTI}correctResponse/{QTI}value")]
    interaction = list(item.find(f"{QTI}itemBody"))[0]
    choices = {c.get("identifier"): c.text for c in interaction.iter() if c.tag in (QTI + "simpleChoice", QTI + "simpleAssociableChoice")}
    right = [" ".join(choices[part] for part in value.split(" ")) for value in correct]
    items[identifier] = {"kind": kind, "files": files, "interaction": interaction.tag.replace(QTI, ""), "cardinality": declaration.get("cardinality"),
        "prompt": interaction.find(QTI + "prompt").text, "maxChoices": interaction.get("maxChoices"),
        "right": right, "choices": list(choices.values()), "feedback": item.find(f"{QTI}modalFeedback/{QTI}p").text,
        "rp": [e.tag.replace(QTI, "") for e in item.find(QTI + "responseProcessing")]}
print(json.dumps({"names": archive.namelist(), "resources": [r[0] for r in resources], "items": items}))
`;

function readPackage(questions: BankQuestion[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "qti-"));
  temporary.push(dir);
  const file = path.join(dir, "bank.zip");
  writeFileSync(file, toQtiPackage(questions));
  return JSON.parse(execFileSync("python3", ["-c", READ_PACKAGE, file], { encoding: "utf8" })) as {
    names: string[];
    resources: string[];
    items: Record<string, { kind: string; files: string[]; interaction: string; cardinality: string; prompt: string; maxChoices: string | null; right: string[]; choices: string[]; feedback: string; rp: string[] }>;
  };
}

describe("the question bank as a QTI 2.1 package", () => {
  it("has a manifest and one item per choice question, each in QTI's interaction for its type with the MDX's key as the correct response", async () => {
    const bank = questionBank(await loadCourse()).filter(isChoiceQuestion);
    const read = readPackage(bank);
    expect(read.names).toEqual(["imsmanifest.xml", ...bank.map((question) => `items/${question.id}.xml`)]);
    expect(read.resources).toEqual(bank.map((question) => question.id));
    for (const question of bank) {
      const item = read.items[question.id]!;
      expect(item.kind).toBe("imsqti_item_xmlv2p1");
      expect(item.files).toEqual([`items/${question.id}.xml`]);
      expect(item.prompt).toBe(question.question);
      expect(item.feedback).toBe(question.explanation);
      expect(item.rp).toEqual(["responseCondition", "setOutcomeValue"]);
      switch (question.type) {
        case "single-choice":
          expect(item).toMatchObject({ interaction: "choiceInteraction", cardinality: "single", maxChoices: "1", choices: question.choices.map((c) => c.text), right: [question.choices[question.answer]!.text] });
          break;
        case "multiple-response":
          expect(item).toMatchObject({ interaction: "choiceInteraction", cardinality: "multiple", maxChoices: "0", right: question.answers.map((answer) => question.choices[answer]!.text) });
          break;
        case "ordering":
          expect(item).toMatchObject({ interaction: "orderInteraction", cardinality: "ordered", right: question.items.map((entry) => entry.text) });
          break;
        case "matching":
          expect(item).toMatchObject({ interaction: "matchInteraction", cardinality: "multiple", right: question.prompts.map((prompt) => `${prompt.text} ${question.options[prompt.answer]}`) });
          break;
      }
    }
    expect(new Set(bank.map((question) => read.items[question.id]!.interaction))).toEqual(new Set(["choiceInteraction", "orderInteraction", "matchInteraction"]));
  });

  it("keeps XML's special characters as text", () => {
    const tricky = sampleQuestion({
      id: "3-policy",
      question: 'Which statement allows <kms:Decrypt> when "aws:SourceIp" & the key match?',
      choices: [{ text: '{"Effect": "Allow"} & <more>', why: "a < b" }, { text: "None", why: "n" }, { text: "All", why: "x" }],
      answer: 0,
      explanation: "A < B & C > D",
    });
    const read = readPackage([tricky]);
    // An identifier cannot start with a digit in XML: the item's is prefixed, its file keeps the id.
    expect(read.resources).toEqual(["Q_3-policy"]);
    expect(read.items["Q_3-policy"]).toMatchObject({ prompt: tricky.question, right: [tricky.choices[0]!.text], feedback: tricky.explanation });
  });
});
